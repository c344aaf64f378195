using System;
using System.Diagnostics;
using System.IO;
using Compliance.EndToEnd.Tests.Harness;
using Compliance.Tests.Shared;

namespace Compliance.EndToEnd.Tests;

/// <summary>The system produces its own evidence: 'compliance collect --commit' on the default branch, then the build checks it.</summary>
public sealed class CollectTests
{
    private static readonly DateTimeOffset Day = new(2026, 1, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CollectedAndCommittedEvidenceBuildsGreenAndAFailedCollectorLeavesTheBuildRed()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Write("scripts/kms-export.sh", "#!/bin/sh\nprintf '{\"keys\": [\"ring-1\"], \"rotation_period_days\": 90}\\n'\n");
        MakeExecutable(repo.PathOf("scripts/kms-export.sh"));
        repo.Replace("controls/crypto.yaml", "        freshness_days: 90\n", """
                    freshness_days: 90
                    collector:
                      job: kms-export
                      run: [scripts/kms-export.sh]
                      output: kms-keys-{date}.json

            """);
        repo.Commit("Declare the KMS collector", Day);
        Git.Run(repo.Root, Day, "config", "user.name", "Collect Job");
        Git.Run(repo.Root, Day, "config", "user.email", "collect@acme.example");

        var (exit, output) = Collect(repo, "--all");

        Assert.True(exit == 0, output);
        Assert.Contains("collected CRY-01/kms-config: evidence/cry-01/kms-config/kms-keys-2026-02-01.json", output);
        Assert.Contains("Collect evidence: 1 artifact(s)", Git.Run(repo.Root, Day, "log", "-1", "--format=%B"));
        BuildAssert.Passes(repo.Build());

        repo.Write("scripts/rotation.sh", "#!/bin/sh\necho 'the KMS API refused the token' >&2\nexit 3\n");
        MakeExecutable(repo.PathOf("scripts/rotation.sh"));
        repo.Append("controls/crypto.yaml", """
                  - id: key-rotation
                    description: The rotation schedule of every key.
                    collection: automated
                    freshness_days: 90
                    collector:
                      job: kms-rotation
                      run: [scripts/rotation.sh]
                      output: rotation-{date}.json

            """);
        repo.Commit("Declare the rotation collector", Day);

        var (failedExit, failedOutput) = Collect(repo, "--due");

        Assert.Equal(1, failedExit);
        Assert.Contains("collector job:kms-rotation for CRY-01/key-rotation failed (NonZeroExit): the command exited with 3. Its error output: the KMS API refused the token", failedOutput);
        Assert.False(Directory.Exists(repo.PathOf("evidence/cry-01/key-rotation")) && Directory.GetFiles(repo.PathOf("evidence/cry-01/key-rotation")).Length > 0);
        var red = repo.Build();
        Assert.NotEqual(0, red.ExitCode);
        Assert.Contains(red.Diagnostics, d => d.Contains("error CMP1101: No artifact has been collected for the evidence requirement 'CRY-01/key-rotation'."));
    }

    private static (int Exit, string Output) Collect(ProgrammeRepo repo, string mode)
    {
        var start = TestCli.StartInfo(RepoLayout.ComplianceCli, new[] { "collect", mode, "--commit", "--as-of", ProgrammeRepo.AsOf, "--root", repo.Root });
        start.WorkingDirectory = repo.Root;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
