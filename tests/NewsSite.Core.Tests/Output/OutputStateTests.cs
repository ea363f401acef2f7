using NewsSite.Output;

namespace NewsSite.Tests.Output;

public sealed class OutputStateTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newssite-tests", Guid.NewGuid().ToString("N"));

    private string StatePath => Path.Combine(_root, OutputState.FileName);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Reads_back_both_manifests_and_the_derived_values()
    {
        Sample().Save(StatePath);

        var state = OutputState.Load(StatePath);

        Assert.NotNull(state);
        Assert.Equal(637_000_000_000_000_000, state.Output!.Stamp);
        Assert.Equal(new FileRecord("AB12", "F00D"), state.Output.Files["world/index.html"]);
        Assert.Equal(new FileRecord("CD34", null), state.Output.Files["assets/style.css"]);
        Assert.Equal(2, state.Output.Files.Count);
        Assert.Null(state.Spare);
        Assert.Equal("{\"Summary\":\"Ça va\"}", Assert.Single(state.Derived).Value);
    }

    [Fact]
    public void A_file_cut_short_anywhere_reads_as_no_state()
    {
        Sample().Save(StatePath);
        var bytes = File.ReadAllBytes(StatePath);

        for (var length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(StatePath, bytes[..length]);
            Assert.Null(OutputState.Load(StatePath));
        }
    }

    [Fact]
    public void A_state_written_by_another_build_of_the_tool_reads_as_no_state()
    {
        Sample().Save(StatePath);
        var bytes = File.ReadAllBytes(StatePath);
        var tool = System.Text.Encoding.UTF8.GetBytes(OutputState.ToolIdentity);
        var at = bytes.AsSpan().IndexOf(tool);
        bytes[at] = (byte)(bytes[at] == (byte)'0' ? '1' : '0');
        File.WriteAllBytes(StatePath, bytes);

        Assert.Null(OutputState.Load(StatePath));
    }

    [Fact]
    public void Saving_removes_the_json_state_of_earlier_versions()
    {
        Directory.CreateDirectory(_root);
        var legacy = Path.Combine(_root, "state.json");
        File.WriteAllText(legacy, "{}");

        Sample().Save(StatePath);

        Assert.False(File.Exists(legacy));
        Assert.NotNull(OutputState.Load(StatePath));
    }

    private static OutputState Sample() => new()
    {
        Output = new TreeRecord
        {
            Stamp = 637_000_000_000_000_000,
            Files = new(StringComparer.Ordinal)
            {
                ["world/index.html"] = new FileRecord("AB12", "F00D"),
                ["assets/style.css"] = new FileRecord("CD34", null),
            },
        },
        Derived = new(StringComparer.Ordinal) { ["body:1:2"] = "{\"Summary\":\"Ça va\"}" },
    };
}
