using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Compliance.Site.Model;

/// <summary>
/// Where something is in the site: a page (a path relative to the site root, with '/') and optionally
/// an element on it. Fragments are unique across the whole site, so the "print everything" page,
/// which holds every page at once, can link to them as in-page anchors.
/// </summary>
public sealed record PageRef(string Path, string? Fragment = null)
{
    /// <summary>The ID of the page's own section on the print page: its path without ".html", '/' replaced by '-'.</summary>
    public string PageId => PageIdOf(Path);

    /// <summary>What an in-page link on the print page points at.</summary>
    public string Anchor => Fragment ?? PageId;

    public PageRef At(string fragment) => this with { Fragment = fragment };

    public PageRef WithoutFragment => Fragment is null ? this : this with { Fragment = null };

    // One string, written in one pass: every section heading and print link asks for an ID (issue 15).
    public static string PageIdOf(string path) => string.Create(PageIdLength(path), path, static (id, source) =>
    {
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = PageIdChar(source[i]);
        }
    });

    /// <summary>Appends <see cref="PageIdOf"/>'s ID without making it a string first.</summary>
    public static void AppendPageId(StringBuilder output, string path)
    {
        var length = PageIdLength(path);
        for (var i = 0; i < length; i++)
        {
            output.Append(PageIdChar(path[i]));
        }
    }

    /// <summary>Appends the in-page anchor of a printed link: its own fragment when it has one, else the target page's ID.</summary>
    public static void AppendAnchor(StringBuilder output, string path, ReadOnlySpan<char> fragment, bool hasFragment)
    {
        output.Append('#');
        if (hasFragment)
        {
            output.Append(fragment);
        }
        else
        {
            AppendPageId(output, path);
        }
    }

    private static int PageIdLength(string path) => path.EndsWith(".html", StringComparison.Ordinal) ? path.Length - 5 : path.Length;

    private static char PageIdChar(char c) => c is '/' or '.' ? '-' : c;
}

/// <summary>A link to an item: the text to show and where it is (null when the item has no page, e.g. an unknown reference).</summary>
public sealed record ItemLink(string Id, string Title, PageRef? Page)
{
    public string Text => Title.Length == 0 || Title == Id ? Id : $"{Id} {Title}";
}

/// <summary>
/// File names for IDs: lower-case letters, digits and '-'. IDs are case-sensitive and may differ only in
/// punctuation, so when two IDs of one kind give the same name, each gets a short hash of its exact ID.
/// The result depends only on the set of IDs, so it is the same on every run.
/// </summary>
public sealed class Slugs
{
    private readonly Dictionary<string, string> _byId = new(StringComparer.Ordinal);

    public Slugs(IEnumerable<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var groups = distinct.GroupBy(Slug, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            foreach (var id in members)
            {
                _byId[id] = members.Count == 1 && !Reserved(group.Key) ? group.Key : $"{group.Key}-{Hash(id)}";
            }
        }
    }

    public string this[string id] => _byId.TryGetValue(id, out var slug) ? slug : $"{Slug(id)}-{Hash(id)}";

    public static string Slug(string id)
    {
        var builder = new StringBuilder(id.Length);
        var dash = false;
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && builder.Length > 0)
            {
                builder.Append('-');
                dash = true;
            }
        }

        while (builder.Length > 0 && builder[^1] == '-')
        {
            builder.Length--;
        }

        if (builder.Length > 80)
        {
            builder.Length = 80;
        }

        return builder.Length == 0 ? "item" : builder.ToString();
    }

    public static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id))).Substring(0, 8);

    /// <summary>"index" is each folder's list page.</summary>
    private static bool Reserved(string slug) => slug is "index" or "item";
}
