using System.IO;
using System.Linq;
using System.Text;
using Compliance.Site.Output;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>How the output folder writes a file given in parts, and that it writes each path once.</summary>
public sealed class SiteOutputTests
{
    [Fact]
    public void A_file_written_in_parts_holds_the_bytes_of_the_joined_text()
    {
        using var output = new TempFolder();
        using var site = SiteOutput.Open(output.Path, Path.Combine(output.Path, "..", "no-programme-here"));
        // "😀" is a surrogate pair; here it is split between two parts.
        var parts = new[] { "<p>caf\u00e9 \ud83d", "\ude00</p>", string.Empty, "\n" };

        site.Write("pages/a.html", parts);
        site.Commit();

        var expected = new UTF8Encoding(false).GetBytes(string.Concat(parts));
        Assert.Equal(expected, File.ReadAllBytes(output.Combine("pages/a.html")));
        Assert.Equal(expected.Length, site.Bytes - SiteOutput.MarkerContent.Length);
        Assert.DoesNotContain(Directory.GetFiles(output.Combine("pages")), f => f.EndsWith(".tmp"));
    }

    [Fact]
    public void A_second_write_of_a_path_is_refused_as_a_programming_error()
    {
        using var output = new TempFolder();
        using var site = SiteOutput.Open(output.Path, Path.Combine(output.Path, "..", "no-programme-here"));
        site.Write("controls/a.html", "first");

        Assert.Throws<System.InvalidOperationException>(() => site.Write("controls/a.html", "second"));
        Assert.Throws<System.InvalidOperationException>(() => site.Write("controls/a.html", new[] { "third" }.AsEnumerable()));
        site.Commit();
        Assert.Equal("first", File.ReadAllText(output.Combine("controls/a.html")));
    }
}
