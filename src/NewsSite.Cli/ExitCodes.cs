namespace NewsSite.Cli;

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
    public const int Unexpected = 70;
    public const int Cancelled = 130;
}
