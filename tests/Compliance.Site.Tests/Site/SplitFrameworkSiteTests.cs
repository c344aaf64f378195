using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Engine;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>
/// The site shows a framework split over files (framework_part) exactly as the single file: the mini
/// fixture with its HIPAA Security catalog cut in three renders byte for byte the same pages.
/// </summary>
public sealed class SplitFrameworkSiteTests
{
    private const string Catalog = "controls/frameworks/hipaa-security.yaml";
    private const string PartHeader = "framework_part:\n  framework: hipaa-security\nrequirements:\n";

    private static void CopyFixture(string target)
    {
        var source = Path.Combine(TestPaths.Fixtures, "mini");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private static void SplitCatalog(string root)
    {
        var text = File.ReadAllText(Path.Combine(root, Catalog)).Replace("\r\n", "\n");
        var pieces = Regex.Split(text, "(?m)^(?=  - id:)");
        Assert.Equal(13, pieces.Length);
        File.WriteAllText(Path.Combine(root, Catalog), string.Concat(pieces.Take(4)));
        Directory.CreateDirectory(Path.Combine(root, "controls/frameworks/hipaa-security"));
        File.WriteAllText(Path.Combine(root, "controls/frameworks/hipaa-security/administrative.yaml"), PartHeader + string.Concat(pieces.Skip(4).Take(4)));
        File.WriteAllText(Path.Combine(root, "controls/frameworks/hipaa-security/technical.yaml"), PartHeader + string.Concat(pieces.Skip(8)));
    }

    [Fact]
    public void A_split_catalog_renders_the_same_site_as_the_single_file()
    {
        using var single = new TempFolder("split-single");
        using var split = new TempFolder("split-parts");
        using var singleSite = new TempFolder("split-single-site");
        using var splitSite = new TempFolder("split-parts-site");
        CopyFixture(single.Path);
        CopyFixture(split.Path);
        SplitCatalog(split.Path);

        var asOf = FixtureRepo.AsOf;
        var splitResult = ComplianceCheck.Run(new CheckOptions(split.Path, asOf));
        Assert.DoesNotContain(splitResult.Findings, f => f.RuleId is "CMP0020" or "CMP0027" or "CMP0028");
        Assert.Equal(12, splitResult.Programme.Frameworks.Single(f => f.Id.Value == "hipaa-security").Requirements.Count);
        SiteGenerator.Render(ComplianceCheck.Run(new CheckOptions(single.Path, asOf)), new SiteOptions(singleSite.Path));
        SiteGenerator.Render(splitResult, new SiteOptions(splitSite.Path));

        var files = SiteSnapshot.Files(singleSite.Path).ToList();
        Assert.Equal(files, SiteSnapshot.Files(splitSite.Path).ToList());
        var different = files.Where(f => !File.ReadAllBytes(Path.Combine(singleSite.Path, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(splitSite.Path, f)))).ToList();
        Assert.True(different.Count == 0, $"Pages that differ for the split catalog: {string.Join(", ", different)}");
    }
}
