using System;
using Compliance.Model.Binding;

namespace Compliance.Model.Parsing;

/// <summary>
/// The programme's <c>site:</c> settings: the repository's web address, checked here once so that a page
/// never links anything but a plain https address (no credentials, query or fragment to carry along).
/// </summary>
internal static class SiteBinder
{
    public static string? RepositoryUrl(MappingReader programme)
    {
        var site = programme.Mapping("site", required: false, "the programme's site settings");
        if (site is null)
        {
            return null;
        }

        var written = site.String("repository_url", required: true);
        site.Finish();
        if (written is null)
        {
            return null;
        }

        var url = Normalised(written);
        if (url is null)
        {
            site.Report(Diagnostics.Rules.InvalidValue, site.ValueSpan("repository_url")!,
                $"The repository_url of {site.What} must be the repository's https address on its forge, with no credentials, query or fragment, not '{written}'.",
                "Write it as https://github.com/ORG/REPO.");
        }

        return url;
    }

    /// <summary>The address without a trailing slash or .git, or null when it is not a plain https URL with a host and a path.</summary>
    private static string? Normalised(string written)
    {
        if (written.IndexOfAny(new[] { ' ', '\t', '\n', '\r', '"', '<', '>', '\\' }) >= 0
            || !Uri.TryCreate(written, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || written.IndexOf('?') >= 0 || written.IndexOf('#') >= 0)
        {
            return null;
        }

        var url = written.TrimEnd('/');
        if (url.EndsWith(".git", StringComparison.Ordinal))
        {
            url = url.Substring(0, url.Length - 4);
        }

        return new Uri(url).AbsolutePath.Trim('/').Length == 0 ? null : url;
    }
}
