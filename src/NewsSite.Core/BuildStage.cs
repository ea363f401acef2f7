namespace NewsSite;

/// <summary>A build stage that is starting, for progress lines and <c>--verbose</c> timings.</summary>
/// <param name="Name">What the stage does, in words ("rendering pages").</param>
/// <param name="Items">How many things it works on, when known (files, articles); 0 otherwise.</param>
public sealed record BuildStage(string Name, int Items = 0);
