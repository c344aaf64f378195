using System;
using System.IO;
using System.Linq;
using Compliance.Site.Output;
using Compliance.Site.Rendering;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>
/// A new or empty output folder is rendered into a staging folder beside it and appears whole, with one
/// rename: a reader sees no site or the whole site. A failed render leaves the output path as it was and
/// no staging folder behind; a link or file put at the output path during the render is never written through.
/// </summary>
public sealed class StagedOutputTests
{
    [Fact]
    public void A_new_folder_does_not_exist_while_rendering_and_holds_exactly_the_site_after()
    {
        using var repo = FixtureRepo.Create("mini");
        using var parent = new TempFolder("parent");
        var target = parent.Combine("site");
        var observer = new Watch(target);

        var result = SiteGenerator.Render(repo.Check(), new SiteOptions(target) { CompareTo = FixtureRepo.Tag, Observer = observer });

        Assert.True(observer.Pages > 10, $"only {observer.Pages} pages were seen");
        Assert.Equal(0, observer.SeenAtOutput);
        Assert.True(observer.SeenStaging > 0, "the pages were not being written to a staging folder");
        Assert.Equal(target, result.OutputDirectory);
        Assert.Equal(new[] { "site" }, Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).ToArray());
        Assert.Equal(result.Files, SiteSnapshot.Files(target).Count());
        Assert.True(File.Exists(Path.Combine(target, "index.html")));
    }

    [Fact]
    public void An_empty_folder_stays_empty_while_rendering_and_is_replaced_by_the_site()
    {
        using var repo = FixtureRepo.Create("mini");
        using var parent = new TempFolder("parent");
        var target = parent.Combine("site");
        Directory.CreateDirectory(target);
        var observer = new Watch(target);

        var result = SiteGenerator.Render(repo.Check(), new SiteOptions(target) { CompareTo = FixtureRepo.Tag, Observer = observer });

        Assert.Equal(0, observer.SeenAtOutput);
        Assert.True(observer.SeenStaging > 0, "the pages were not being written to a staging folder");
        Assert.True(File.Exists(Path.Combine(target, "index.html")));
        Assert.Equal(result.Files, SiteSnapshot.Files(target).Count());
        Assert.Equal(new[] { "site" }, Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void An_existing_site_is_rendered_in_place_without_a_staging_folder()
    {
        using var repo = FixtureRepo.Create("mini");
        using var parent = new TempFolder("parent");
        var target = parent.Combine("site");
        repo.Render(target);
        var observer = new Watch(target);

        SiteGenerator.Render(repo.Check(), new SiteOptions(target) { CompareTo = FixtureRepo.Tag, Observer = observer });

        Assert.Equal(0, observer.SeenStaging);
        Assert.Equal(observer.Pages, observer.SeenAtOutput);
        Assert.Equal(new[] { "site" }, Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_render_that_fails_midway_leaves_the_output_path_as_it_was_and_no_staging_folder(bool emptyFolder)
    {
        using var repo = FixtureRepo.Create("mini");
        using var parent = new TempFolder("parent");
        var target = parent.Combine("site");
        if (emptyFolder)
        {
            Directory.CreateDirectory(target);
        }

        var observer = new Watch(target) { FailAt = 5 };

        var error = Assert.ThrowsAny<Exception>(() => SiteGenerator.Render(repo.Check(), new SiteOptions(target) { Observer = observer }));

        Assert.Contains("page 5 failed", error.ToString());
        Assert.Equal(emptyFolder ? new[] { "site" } : Array.Empty<string>(), Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).ToArray());
        Assert.Equal(emptyFolder, Directory.Exists(target));
        Assert.True(!emptyFolder || !Directory.EnumerateFileSystemEntries(target).Any());
    }

    [Fact]
    public void A_link_put_at_the_output_path_during_the_render_fails_the_commit_and_nothing_goes_through_it()
    {
        using var repo = FixtureRepo.Create("mini");
        using var parent = new TempFolder("parent");
        using var elsewhere = new TempFolder("elsewhere");
        var target = parent.Combine("site");
        var observer = new Watch(target) { OnFirstPage = () => Directory.CreateSymbolicLink(target, elsewhere.Path) };

        var error = Assert.Throws<SiteException>(() => SiteGenerator.Render(repo.Check(), new SiteOptions(target) { Observer = observer }));

        Assert.Contains("symbolic link", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
        Assert.Equal(new[] { "site" }, Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).ToArray());
        Assert.Equal(elsewhere.Path, new DirectoryInfo(target).LinkTarget);
    }

    [Fact]
    public void An_empty_folder_swapped_for_a_link_after_open_fails_the_commit()
    {
        using var parent = new TempFolder("parent");
        using var elsewhere = new TempFolder("elsewhere");
        var target = parent.Combine("site");
        Directory.CreateDirectory(target);
        var output = SiteOutput.Open(target, parent.Combine("no-programme-here"));
        output.Write("controls/a.html", "page");
        Directory.Delete(target);
        Directory.CreateSymbolicLink(target, elsewhere.Path);

        Assert.Throws<SiteException>(output.Commit);
        output.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
        Assert.Equal(new[] { "site" }, Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void A_file_put_in_the_empty_folder_during_the_render_is_kept_and_the_commit_fails()
    {
        using var parent = new TempFolder("parent");
        var target = parent.Combine("site");
        Directory.CreateDirectory(target);
        using (var output = SiteOutput.Open(target, parent.Combine("no-programme-here")))
        {
            output.Write("index.html", "page");
            File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
            File.WriteAllText(parent.Combine("file"), "mine");

            Assert.Throws<SiteException>(output.Commit);
        }

        Assert.Equal(new[] { "notes.txt" }, Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).ToArray());
        Assert.Equal(new[] { "file", "site" }, Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_file_put_at_the_output_path_during_the_render_fails_the_commit()
    {
        using var parent = new TempFolder("parent");
        var target = parent.Combine("site");
        using (var output = SiteOutput.Open(target, parent.Combine("no-programme-here")))
        {
            output.Write("index.html", "page");
            File.WriteAllText(target, "mine");

            Assert.Throws<SiteException>(output.Commit);
        }

        Assert.Equal("mine", File.ReadAllText(target));
        Assert.Equal(new[] { "site" }, Directory.EnumerateFileSystemEntries(parent.Path).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void The_mount_point_list_names_the_file_systems_root_and_not_a_new_folder()
    {
        using var folder = new TempFolder();
        if (!OperatingSystem.IsLinux())
        {
            return; // The list is Linux's; elsewhere nothing is a mount point to it, and every empty folder is staged.
        }

        Assert.True(MountPoints.IsMountPoint("/"));
        Assert.False(MountPoints.IsMountPoint(folder.Path));
        Assert.Equal("/mnt/my site\\x", MountPoints.Unescape("/mnt/my\\040site\\134x"));
    }

    /// <summary>At each page rendered: whether the output path holds anything, and whether a staging folder is beside it.</summary>
    private sealed class Watch(string target) : IRenderObserver
    {
        private readonly object _gate = new();

        public int Pages { get; private set; }

        public int SeenAtOutput { get; private set; }

        public int SeenStaging { get; private set; }

        public int FailAt { get; init; }

        public Action? OnFirstPage { get; init; }

        public void PageRendered(string path, string body, string? printBody)
        {
            lock (_gate)
            {
                Pages++;
                if (Pages == 1)
                {
                    OnFirstPage?.Invoke();
                }

                if (Directory.Exists(target) && new DirectoryInfo(target).LinkTarget is null && Directory.EnumerateFileSystemEntries(target).Any())
                {
                    SeenAtOutput++;
                }

                var name = Path.GetFileName(target);
                if (Directory.EnumerateDirectories(Path.GetDirectoryName(target)!, $".{name}.staging-*").Any())
                {
                    SeenStaging++;
                }

                if (Pages == FailAt)
                {
                    throw new InvalidOperationException($"page {FailAt} failed");
                }
            }
        }

        public void PrintPartWritten(string path)
        {
        }
    }
}
