using System.Globalization;
using NewsSite.Model;
using Xunit;

namespace NewsSite.Core.Tests.Model;

public sealed class SectionNamesTests
{
    [Theory]
    [InlineData("world", "World")]
    [InlineData("climate-desk", "Climate Desk")]
    [InlineData("3d-printing", "3D Printing")]
    [InlineData("o'neil-files", "O'neil Files")]
    [InlineData("élan-vital", "Élan Vital")]
    [InlineData("US-Politics", "US-Politics")]
    public void Reads_folder_names_as_titles(string folder, string expected)
    {
        Assert.Equal(expected, SectionNames.Display(folder));
    }

    /// <summary>The framework's title casing is the reference, for names drawn from every ASCII character but capitals.</summary>
    [Fact]
    public void Title_cases_ascii_names_as_the_framework_does()
    {
        var alphabet = Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiLetterUpper(c)).ToArray();
        var random = new Random(20261127);
        for (var sample = 0; sample < 50_000; sample++)
        {
            var name = new string([.. Enumerable.Range(0, random.Next(1, 10)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var expected = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('-', ' '));
            Assert.True(expected == SectionNames.Display(name), $"\"{name}\": expected \"{expected}\", got \"{SectionNames.Display(name)}\"");
        }
    }
}
