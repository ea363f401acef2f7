namespace NewsSite.Deploy;

/// <summary>A deploy that cannot go on, with a message for the person running it; becomes an error diagnostic.</summary>
public sealed class DeployException : Exception
{
    public DeployException()
    {
    }

    public DeployException(string message)
        : base(message)
    {
    }

    public DeployException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
