global using Xunit;
global using NewsSite.Tests.TestSupport;
