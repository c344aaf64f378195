using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Compliance.Site.Model;

namespace Compliance.Site.Rendering;

/// <summary>
/// The client-side search index: a script that assigns one global, because a page opened from file://
/// may not fetch() a JSON file. Each entry is [type, ID, title, path, keywords]: keywords hold what
/// else should find the item (a control's requirement citations, a vendor's services, an endpoint's URL and host). Strings are
/// JSON with every '&lt;', '&gt;', '&amp;', quote and non-ASCII character escaped, so the file is inert
/// text whatever the programme files hold.
/// </summary>
public static class SearchIndex
{
    public const string Global = "COMPLIANCE_SEARCH";

    private static readonly string[] Types = { "Framework", "Requirement", "Control", "Policy", "Vendor", "Service", "Person", "Rule", "Page", "Incident", "Endpoint" };

    /// <summary>An endpoint's host, so that "api.example.com" finds "https://api.example.com:8443".</summary>
    private static string? HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    public static string Render(SiteModel site)
    {
        var entries = new List<Entry>();
        void Add(string type, string id, string title, PageRef page, IEnumerable<string?> keywords) =>
            entries.Add(new Entry(Array.IndexOf(Types, type), id, title, page.Path + (page.Fragment is null ? string.Empty : "#" + page.Fragment), string.Join(" ", keywords.Where(k => !string.IsNullOrEmpty(k)))));

        foreach (var framework in site.Frameworks)
        {
            Add("Framework", framework.Id, framework.Title, framework.Page, new[] { framework.Citation });
            foreach (var requirement in framework.Requirements)
            {
                Add("Requirement", requirement.Id, requirement.Title, requirement.Page, new[] { framework.Id, requirement.Category });
            }
        }

        foreach (var control in site.Controls)
        {
            Add("Control", control.Id, control.Title, control.Page, control.MapsTo.Select(m => m.Requirement.Id).Append(control.Owner?.Id).Concat(control.Evidence.Select(e => e.Id)));
        }

        foreach (var policy in site.Policies)
        {
            Add("Policy", policy.Id, policy.Title, policy.Page, new[] { policy.Version });
        }

        foreach (var vendor in site.Vendors.Vendors)
        {
            Add("Vendor", vendor.Id, vendor.Name, vendor.Anchor, vendor.Services.SelectMany(s => new[] { s.Id, s.Name }));
            foreach (var service in vendor.Services)
            {
                Add("Service", service.Id, service.Name, vendor.Anchor, new[] { vendor.Name });
            }
        }

        foreach (var person in site.People)
        {
            Add("Person", person.Id, person.Name, person.Anchor, new[] { person.Role });
        }

        foreach (var incident in site.Incidents.All)
        {
            Add("Incident", incident.Id, incident.Title, incident.Anchor, incident.States.Select(s => s.State).Append(incident.Breach ? "breach" : "incident"));
        }

        foreach (var endpoint in site.Encryption.Endpoints)
        {
            Add("Endpoint", endpoint.Id, endpoint.Url, endpoint.Anchor, new[] { endpoint.Url, HostOf(endpoint.Url), endpoint.EvidenceKey });
        }

        foreach (var rule in site.Rules)
        {
            Add("Rule", rule.Id, rule.Title, rule.Anchor, new[] { rule.Category });
        }

        foreach (var page in site.ExtraPages)
        {
            Add("Page", page.Slug, page.Title, page.Page, Array.Empty<string>());
        }

        using var stream = new MemoryStream(entries.Count * 160 + 1024);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default, Indented = false }))
        {
            json.WriteStartObject();
            json.WriteNumber("v", 1);
            json.WriteStartArray("types");
            foreach (var type in Types)
            {
                json.WriteStringValue(type);
            }

            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in entries)
            {
                json.WriteStartArray();
                json.WriteNumberValue(entry.Type);
                json.WriteStringValue(entry.Id);
                json.WriteStringValue(entry.Title);
                json.WriteStringValue(entry.Path);
                json.WriteStringValue(entry.Keywords);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var text = new StringBuilder(entries.Count * 160 + 256);
        text.Append("/* The audit site's search index: generated, do not edit. */\n");
        text.Append("window.").Append(Global).Append(" = ");
        text.Append(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        text.Append(";\n");
        return text.ToString();
    }

    // A class, not a tuple: ReadyToRun cannot precompile a framework generic over a struct (issue 15).
    private sealed record Entry(int Type, string Id, string Title, string Path, string Keywords);
}
