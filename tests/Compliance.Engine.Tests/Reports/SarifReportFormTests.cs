using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Engine.Reports;
using Compliance.Tests.Shared;

namespace Compliance.Engine.Tests;

/// <summary>
/// compliance.sarif is written field by field; its bytes are those of the same document serialised as a JSON node tree
/// (two-space indents, relaxed escaping, a final newline), which is the form it had before and the form uploads saw.
/// </summary>
public class SarifReportFormTests
{
    private static readonly JsonSerializerOptions NodeForm = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void A_failing_programme_s_SARIF_is_in_the_node_tree_s_form_byte_for_byte()
    {
        using var programme = new TestProgramme();
        programme.Write("evidence/stray.csv", "x\n");
        WaiverTests.ExpiredBaa(programme);
        WaiverTests.Waiver(programme, "CMP1201", "cloud", "2026-11-01");
        var sarif = SarifReport.Render(programme.Check(), "1.2.3");

        Assert.Contains("\"suppressions\"", sarif, System.StringComparison.Ordinal);
        Assert.Contains("\"locations\"", sarif, System.StringComparison.Ordinal);
        Assert.Equal(JsonNode.Parse(sarif)!.ToJsonString(NodeForm) + "\n", sarif);
    }

    [Fact]
    public void Text_with_markup_quotes_and_non_ascii_is_escaped_as_the_node_tree_escaped_it()
    {
        using var programme = new TestProgramme();
        programme.Write("evidence/<script>\"ü\".csv", "x\n");
        var sarif = SarifReport.Render(programme.Check(), "1.2.3-\"beta\"");

        Assert.Contains("<script>", sarif, System.StringComparison.Ordinal);
        Assert.Equal(JsonNode.Parse(sarif)!.ToJsonString(NodeForm) + "\n", sarif);
    }
}
