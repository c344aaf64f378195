using System;
using System.IO;
using Compliance.Engine.Collection;
using Compliance.Engine.Loading;

namespace Compliance.Engine.Tests.Collection;

/// <summary>The check-then-copy gap: the source is opened once, and what is stored is what that open found.</summary>
public class EvidenceAddSwapTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_source_swapped_for_a_symbolic_link_after_it_was_opened_stores_the_file_that_was_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var programme = new TestProgramme(git: false);
        var folder = Directory.CreateTempSubdirectory("swap-").FullName;
        var source = Path.Combine(folder, "review.json");
        var secret = Path.Combine(folder, "secret.txt");
        File.WriteAllText(source, "{\"reviewed\": true}\n");
        File.WriteAllText(secret, "the secret a link would expose\n");

        var result = EvidenceAddition.Add(
            new EvidenceAddRequest(programme.Root, source, "CRY-01", "kms-keys", null, "alice", null, "swapped.json"),
            ProgrammeLoader.Load(programme.Root),
            () => Now,
            afterSourceOpened: () =>
            {
                File.Delete(source);
                File.CreateSymbolicLink(source, secret);
            });

        Assert.True(result.Added, result.Message);
        var stored = Path.Combine(programme.Root, result.Stored!.Artifact);
        Assert.Equal("{\"reviewed\": true}\n", File.ReadAllText(stored));
        Assert.Equal(Engine.Evidence.EvidenceInventory.Sha256(stored), result.Stored.Sha256);
        Assert.Contains("sha256: " + result.Stored.Sha256, File.ReadAllText(Path.Combine(programme.Root, result.Stored.Sidecar)));
    }

    [Fact]
    public void A_symbolic_link_is_refused_at_the_open_itself_and_a_fifo_does_not_block()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("swap-").FullName;
        var target = Path.Combine(folder, "target.json");
        File.WriteAllText(target, "{}");
        var link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, target);
        var fifo = Path.Combine(folder, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)!)
        {
            mkfifo.WaitForExit();
        }

        Assert.Null(SourceFile.Open(link, out var linkKind));
        Assert.Equal(FileKindValue.SymbolicLink, linkKind);
        Assert.Null(SourceFile.Open(fifo, out var fifoKind));
        Assert.Equal(FileKindValue.Other, fifoKind);
        Assert.Null(SourceFile.Open(folder, out var folderKind));
        Assert.Equal(FileKindValue.Directory, folderKind);
        Assert.Null(SourceFile.Open("/dev/null", out var deviceKind));
        Assert.Equal(FileKindValue.Device, deviceKind);
        using var opened = SourceFile.Open(target, out var targetKind);
        Assert.NotNull(opened);
        Assert.Equal(FileKindValue.Regular, targetKind);
    }
}
