using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsSite.Diagnostics;

namespace NewsSite.Cli;

/// <summary>
/// The diagnostics of a build as one JSON document, for CI annotations:
/// <c>{"ok", "errors", "warnings", "articles", "pages", "diagnostics": [{"severity", "code", "message", "path", "line", "column"}]}</c>;
/// <c>path</c>, <c>line</c> and <c>column</c> are null for a problem with no place. Control characters in paths and
/// messages are escaped as in the text output (<see cref="DiagnosticText"/>), so a consumer that prints them gets
/// no raw newline or escape sequence.
/// </summary>
internal static class DiagnosticJson
{
    public static string Write(BuildResult result)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            var errors = result.Diagnostics.Count(d => d.IsError);
            json.WriteStartObject();
            json.WriteBoolean("ok", result.Succeeded);
            json.WriteNumber("errors", errors);
            json.WriteNumber("warnings", result.Diagnostics.Count - errors);
            json.WriteNumber("articles", result.Articles);
            json.WriteNumber("pages", result.Pages);
            WriteDiagnostics(json, result.Diagnostics);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The <c>diagnostics</c> array, as every command that writes JSON gives it.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", diagnostic.IsError ? "error" : "warning");
            json.WriteString("code", diagnostic.Code);
            json.WriteString("message", DiagnosticText.Escape(diagnostic.Message));
            if (diagnostic.Location is { } location)
            {
                json.WriteString("path", DiagnosticText.Escape(location.Path));
                json.WriteNumber("line", location.Line);
                json.WriteNumber("column", location.Column);
            }
            else
            {
                json.WriteNull("path");
                json.WriteNull("line");
                json.WriteNull("column");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
