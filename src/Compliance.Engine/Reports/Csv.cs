using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Compliance.Engine.Reports;

/// <summary>RFC 4180 CSV with LF line ends: every field quoted only when it must be, a fixed header first.</summary>
public static class Csv
{
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var builder = new StringBuilder();
        Line(builder, header);
        foreach (var row in rows)
        {
            Line(builder, row);
        }

        return builder.ToString();
    }

    private static void Line(StringBuilder builder, IReadOnlyList<string> fields)
    {
        builder.Append(string.Join(",", fields.Select(Field))).Append('\n');
    }

    // A leading =, +, - or @ is kept as written: the export is data, and quoting does not stop spreadsheet formulas anyway.
    private static string Field(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
