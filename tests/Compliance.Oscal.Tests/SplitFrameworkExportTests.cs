using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Engine;

namespace Compliance.Oscal.Tests;

/// <summary>
/// The OSCAL exports show a framework split over files (framework_part) exactly as the single file: the
/// example programme's SOC 2 catalog, cut in three, exports byte for byte the same documents.
/// </summary>
public sealed class SplitFrameworkExportTests : IDisposable
{
    private const string Catalog = "controls/frameworks/soc2.yaml";
    private const string PartHeader = "framework_part:\n  framework: soc2\nrequirements:\n";

    private readonly string _single = Copy();
    private readonly string _split = Copy();

    private static string Copy()
    {
        var root = Path.Combine(Path.GetTempPath(), "compliance-split-" + Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { "controls", "policies", "evidence" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ExportFixture.Root, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root, Path.GetRelativePath(ExportFixture.Root, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return root;
    }

    [Fact]
    public void A_split_catalog_exports_the_same_documents_as_the_single_file()
    {
        var text = File.ReadAllText(Path.Combine(_split, Catalog)).Replace("\r\n", "\n");
        var pieces = Regex.Split(text, "(?m)^(?=  - id:)");
        Assert.True(pieces.Length > 40, $"{pieces.Length} pieces");
        var third = pieces.Length / 3;
        File.WriteAllText(Path.Combine(_split, Catalog), string.Concat(pieces.Take(third)));
        Directory.CreateDirectory(Path.Combine(_split, "controls/frameworks/soc2"));
        File.WriteAllText(Path.Combine(_split, "controls/frameworks/soc2/1-more.yaml"), PartHeader + string.Concat(pieces.Skip(third).Take(third)));
        File.WriteAllText(Path.Combine(_split, "controls/frameworks/soc2/2-rest.yaml"), PartHeader + string.Concat(pieces.Skip(2 * third)));

        var single = ComplianceCheck.Run(new CheckOptions(_single, ExportFixture.AsOf));
        var split = ComplianceCheck.Run(new CheckOptions(_split, ExportFixture.AsOf));
        Assert.Equal(
            single.Programme.Frameworks.Single(f => f.Id.Value == "soc2").Requirements.Select(r => r.Id.Value),
            split.Programme.Frameworks.Single(f => f.Id.Value == "soc2").Requirements.Select(r => r.Id.Value));
        Assert.DoesNotContain(split.Findings, f => f.RuleId is "CMP0027" or "CMP0028" or "CMP0020");

        var expected = OscalExport.Export(single, "0.1.0", "../../");
        var actual = OscalExport.Export(split, "0.1.0", "../../");
        Assert.Equal(expected.Select(d => d.FileName), actual.Select(d => d.FileName));
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.True(want.Json == got.Json, $"{want.FileName} differs for the split catalog.");
        }
    }

    public void Dispose()
    {
        foreach (var root in new[] { _single, _split })
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
