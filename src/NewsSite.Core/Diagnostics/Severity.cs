namespace NewsSite.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}
