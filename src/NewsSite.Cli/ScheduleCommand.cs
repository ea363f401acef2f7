using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsSite.Model;
using NewsSite.Schedule;
using NewsSite.Time;

namespace NewsSite.Cli;

/// <summary><c>newssite schedule</c>: what will go live or expire, and when, as text or JSON.</summary>
internal static class ScheduleCommand
{
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static Command Create(Terminal terminal)
    {
        var source = new Option<string>("--source", "-s") { Description = "The site folder (site.yaml, content/)", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format") { Description = "text, or json for scripts", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var now = new Option<string?>("--now") { Description = "List from this time instead of the clock (ISO 8601; without an offset, UTC); SOURCE_DATE_EPOCH works too" };

        var command = new Command("schedule", "List the articles that will go live or expire, in time order")
        {
            source, format, now,
        };
        command.SetAction(parse =>
        {
            var (clock, nowError) = NowOption.Resolve(parse.GetValue(now), terminal);
            if (clock is null)
            {
                terminal.Error.WriteLine($"error: {nowError}");
                return ExitCodes.Usage;
            }

            var sourceRoot = parse.GetValue(source)!;
            if (!Directory.Exists(sourceRoot))
            {
                terminal.Error.WriteLine($"error: the site folder '{sourceRoot}' does not exist");
                return ExitCodes.Usage;
            }

            var result = PublishingSchedule.Read(new ScheduleOptions { SourceRoot = sourceRoot, Clock = clock });
            new DiagnosticPrinter(terminal).Print(result.Diagnostics);
            if (result.TimeZone is { } zone)
            {
                terminal.Out.Write(parse.GetValue(format) == "json" ? Json(result, zone) : Text(result, zone));
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        });
        return command;
    }

    /// <summary>One line per change: the moment (ISO 8601, ready for --now), its zone abbreviation, kind, file, headline.</summary>
    internal static string Text(ScheduleResult result, SiteTimeZone zone)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"now {Moment(result.Now, zone)} ({zone.Id})\n");
        if (result.Entries.Count == 0)
        {
            text.Append("nothing scheduled: no article goes live or expires after now\n");
            return text.ToString();
        }

        foreach (var entry in result.Entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Moment(entry.At, zone)}  {entry.Kind.Name(),-9}  {entry.SourcePath}  {entry.Headline}\n");
        }

        return text.ToString();
    }

    /// <summary>The shape README documents: time_zone, now, next, changes[{kind, at, at_utc, source, headline, url}].</summary>
    internal static string Json(ScheduleResult result, SiteTimeZone zone)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time_zone", zone.Id);
            json.WriteString("now", Iso(result.Now));
            if (result.Entries.Count > 0)
            {
                json.WriteString("next", Iso(result.Entries[0].At));
            }
            else
            {
                json.WriteNull("next");
            }

            json.WriteStartArray("changes");
            foreach (var entry in result.Entries)
            {
                json.WriteStartObject();
                json.WriteString("kind", entry.Kind.Name());
                json.WriteString("at", Iso(entry.At));
                json.WriteString("at_utc", entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteString("source", entry.SourcePath);
                json.WriteString("headline", entry.Headline);
                json.WriteString("url", entry.Url);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Moment(DateTimeOffset value, SiteTimeZone zone) => Iso(value) + " " + zone.Abbreviation(value);

    private static string Iso(DateTimeOffset value) => value.ToString(IsoFormat, CultureInfo.InvariantCulture);
}
