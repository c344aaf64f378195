using System;
using System.IO;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>
/// The compiler's path of the programme's file set (the ComplianceProgrammeFiles task, then the generator):
/// a symbolic link to a file or a folder outside the repository is reported at the link and never followed.
/// The CLI's path is held to the same finding in Compliance.Engine.Tests (ProgrammeFileSetTests).
/// </summary>
public sealed class SymbolicLinkTests
{
    [Fact]
    public void LinksToAFileAndAFolderOutsideTheRepositoryAreReportedAndNeverRead()
    {
        var outside = Path.Combine(Path.GetTempPath(), "compliance-e2e-outside-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Path.Combine(outside, "folder"));
        try
        {
            // Read through the link, either file would redefine IAM-01 (CMP0020): only CMP0018 may appear.
            const string copy = "controls:\n  - id: IAM-01\n    title: Outside\n    description: Outside.\n    owner: bob\n    status: implemented\n    maps_to: [MF-1.1]\n";
            File.WriteAllText(Path.Combine(outside, "outside.yaml"), copy);
            File.WriteAllText(Path.Combine(outside, "folder", "inner.yaml"), copy);
            using var repo = ProgrammeRepo.FromFixture("valid", gate: false);
            File.CreateSymbolicLink(repo.PathOf("controls/outside.yaml"), Path.Combine(outside, "outside.yaml"));
            Directory.CreateSymbolicLink(repo.PathOf("controls/linked"), Path.Combine(outside, "folder"));

            var result = repo.Build();

            const string message = "error CMP0018: This is a symbolic link, which the programme never follows: programme files under controls/, policies/ and evidence/ must be regular files inside the repository. Fix: Replace the symbolic link with the file itself (copy it into the repository), or delete the link. (https://github.com/evidence-as-code/compliance/blob/main/docs/diagnostics.md#cmp0018)";
            BuildAssert.Fails(result, "controls/linked(1,1): " + message, "controls/outside.yaml(1,1): " + message);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }
}
