using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Compliance.Engine.Period;

namespace Compliance.Oscal;

// assessment-results.json, second result: the audit period (start, end) and one finding per exception the engine computed.

public static partial class OscalExport
{
    private static JsonObject PeriodResult(ExportContext c, PeriodResult period)
    {
        var findings = new JsonArray();
        foreach (var exception in period.Exceptions)
        {
            var props = new JsonArray(
                Prop("rule", exception.RuleId),
                Prop("exception-kind", exception.Kind.ToString()),
                Prop("start", DayRange.Iso(exception.Days.Start)),
                Prop("end", DayRange.Iso(exception.Days.End)),
                Prop("days", exception.Days.Days.ToString(CultureInfo.InvariantCulture)));
            if (exception.Before is { } before)
            {
                props.Add(Prop("artifact-before", before));
            }

            if (exception.After is { } after)
            {
                props.Add(Prop("artifact-after", after));
            }

            findings.Add((JsonNode)new JsonObject
            {
                ["uuid"] = c.Uuid("period-finding", exception.RuleId, exception.Target, DayRange.Iso(exception.Days.Start)),
                ["title"] = $"{exception.RuleId} {exception.Target} {exception.Days}",
                ["description"] = exception.Message,
                ["props"] = props,
                ["target"] = new JsonObject
                {
                    ["type"] = "objective-id",
                    ["target-id"] = OscalIds.Token(exception.Target),
                    ["status"] = new JsonObject { ["state"] = "not-satisfied", ["reason"] = "fail" },
                },
            });
        }

        var coverage = new JsonArray(period.Frameworks.Select(f => (JsonNode)Prop($"fresh-share-bp-{OscalIds.Token(f.FrameworkId)}", f.ShareBasisPoints.ToString(CultureInfo.InvariantCulture))).ToArray());
        coverage.Add(Prop("exceptions", period.Exceptions.Count.ToString(CultureInfo.InvariantCulture)));
        var result = new JsonObject
        {
            ["uuid"] = c.Uuid("result", "period", period.Period.ToString()),
            ["title"] = $"Operating effectiveness of {c.Name} over {period.Period}",
            ["description"] = $"{period.Exceptions.Count} exception(s) over {period.Period.Days} days, computed from git history (docs/period.md).",
            // The period's days are inclusive: it starts at the first day's midnight and ends with the last day.
            ["start"] = c.Timestamp(period.Period.Start),
            ["end"] = DayRange.Iso(period.Period.End) + "T23:59:59Z",
            ["props"] = coverage,
            ["reviewed-controls"] = new JsonObject
            {
                ["control-selections"] = new JsonArray(new JsonObject { ["include-all"] = new JsonObject() }),
            },
        };
        if (findings.Count > 0)
        {
            result["findings"] = findings;
        }

        return result;
    }
}
