using System;
using System.Linq;
using System.Text;

namespace Compliance.Site.Model;

/// <summary>The fixed pages of the site, and the rule that turns a repository path into a path inside it.</summary>
public static class SitePaths
{
    public const string Overview = "index.html";
    public const string Controls = "controls/index.html";
    public const string Frameworks = "frameworks/index.html";
    public const string Crosswalk = "crosswalk.html";
    public const string Vendors = "vendors.html";
    public const string Policies = "policies/index.html";
    public const string People = "people.html";
    public const string Findings = "findings.html";
    public const string Rules = "rules.html";
    public const string AuditLog = "audit-log.html";

    /// <summary>A page of a long audit log's events: page 1 holds lines 1 to <see cref="AuditLogModel.EventsPerPage"/>, and so on.</summary>
    public static string AuditLogEvents(int page) => $"audit-log/events-{page.ToString(System.Globalization.CultureInfo.InvariantCulture)}.html";
    public const string Incidents = "incidents.html";

    /// <summary>The audit period's page (only with a period), and one page per population with its sample.</summary>
    public const string Period = "period/index.html";

    /// <summary>The period's print-all page, at the root as print.html is, so its links resolve the same way.</summary>
    public const string PeriodPrint = "print-period.html";

    public static string Population(string slug) => $"period/populations/{slug}.html";
    public const string Encryption = "encryption.html";
    public const string Print = "print.html";
    public const string SearchIndex = "assets/search-index.js";
    public const string Marker = ".compliance-site";

    public static readonly string[] Reserved = { Overview, Controls, Frameworks, Crosswalk, Vendors, Policies, People, Findings, Rules, AuditLog, Incidents, Period, PeriodPrint, Encryption, Print, SearchIndex, Marker };

    /// <summary>
    /// A repository-relative path (already checked to lie under evidence/ with no '..') as a site path:
    /// each segment keeps letters, digits, '.', '-' and '_', anything else becomes '_', and a segment
    /// that would be empty, '.' or '..' becomes '_'. The result can only name a file under evidence/.
    /// </summary>
    public static string SafeRelative(string relative)
    {
        var segments = relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(relative.Length);
        foreach (var segment in segments)
        {
            var clean = new StringBuilder(segment.Length);
            foreach (var c in segment)
            {
                clean.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
            }

            var text = clean.ToString();
            if (text.Length == 0 || text.All(c => c == '.'))
            {
                text = "_";
            }

            if (text.StartsWith('.'))
            {
                text = "_" + text.Substring(1);
            }

            builder.Append(builder.Length == 0 ? string.Empty : "/").Append(text);
        }

        var path = builder.ToString();
        return path.StartsWith("evidence/", StringComparison.Ordinal) ? path : "evidence/" + path;
    }
}
