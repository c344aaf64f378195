using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Compliance.Packaging.Tests;

/// <summary>What a release needs: exactly the user-facing packages, one version from git, and reproducible bytes.</summary>
[Collection(PackagesCollection.Name)]
public sealed class ReleaseTests
{
    private readonly PackagesFixture _packages;

    public ReleaseTests(PackagesFixture packages) => _packages = packages;

    [Fact]
    public void Packing_at_the_root_produces_exactly_the_SDK_and_the_tool()
    {
        Assert.Equal(new[] { $"Compliance.Cli.{_packages.Version}.nupkg", $"Compliance.Sdk.{_packages.Version}.nupkg" }, _packages.Packages);
    }

    [Fact]
    public void The_version_comes_from_git_through_MinVer_and_the_packages_name_their_commit()
    {
        var head = Run.Process("git", "rev-parse HEAD", _packages.RepoRoot).Output.Trim();
        var described = Run.Process("git", "describe --tags --abbrev=0 --match v*", _packages.RepoRoot);

        // An untagged history is 0.1.0-alpha.0.<height>; a tag vX.Y.Z is X.Y.Z, and a later commit the next patch's alpha.
        var expected = described.ExitCode == 0 ? "^" + Regex.Escape(described.Output.Trim()[1..]) + "(-.+)?$|^[0-9]+\\.[0-9]+\\.[0-9]+-alpha\\.0\\.[0-9]+$" : "^0\\.1\\.0-alpha\\.0\\.[0-9]+$";
        Assert.Matches(expected, _packages.Version);
        Assert.Contains($"commit=\"{head}\"", PackagesFixture.Read(_packages.SdkPackage, "Compliance.Sdk.nuspec"));
        Assert.Contains($"commit=\"{head}\"", PackagesFixture.Read(_packages.ToolPackage, "Compliance.Cli.nuspec"));
    }

    [Fact]
    public void Packing_the_same_commit_again_from_a_fresh_build_elsewhere_gives_identical_packages()
    {
        // A fresh build to another folder, compared with the fixture's (possibly incremental) one.
        var feed = Path.Combine(_packages.Temp, "feed-again");
        var artifacts = Path.Combine(_packages.Temp, "artifacts-again");
        foreach (var project in new[] { "src/Compliance.Sdk/Compliance.Sdk.csproj", "src/Compliance.Cli/Compliance.Cli.csproj" })
        {
            var pack = PackagesFixture.Pack(_packages.RepoRoot, project, feed, artifacts);
            Assert.True(pack.ExitCode == 0, pack.ToString());
        }

        foreach (var package in new[] { _packages.SdkPackage, _packages.ToolPackage })
        {
            var again = Path.Combine(feed, Path.GetFileName(package));
            Assert.True(File.Exists(again), $"{again} was not packed.");
            var differing = PackagesFixture.Entries(package).Where(e => !PackagesFixture.ReadBytes(package, e).AsSpan().SequenceEqual(PackagesFixture.ReadBytes(again, e))).ToList();
            Assert.True(differing.Count == 0, $"{Path.GetFileName(package)}: these entries differ between two packs of the same commit: {string.Join(", ", differing)}");
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(package))), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(again))));
        }
    }
}
