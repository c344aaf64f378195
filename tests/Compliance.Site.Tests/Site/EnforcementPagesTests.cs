using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Compliance.Engine;
using Compliance.Engine.Audit;
using Compliance.Site.Model;
using Compliance.Site.Tests.Infrastructure;

namespace Compliance.Site.Tests.Site;

/// <summary>
/// The deploy gate, incidents and encryption pages in the states the fixture does not show: a tampered
/// log, events appended after the check, deploys that name no decision, a missing one or a denied one.
/// The notice clock at its edges is the engine's verdict (tests/Compliance.Engine.Tests/Breach/); the page only shows it.
/// </summary>
public sealed class EnforcementPagesTests
{
    [Fact]
    public void An_edited_event_fails_verification_at_its_line_and_marks_the_rest_not_verified()
    {
        using var repo = FixtureRepo.Create("mini");
        var path = Path.Combine(repo.Root, AuditLog.DefaultPath);
        var lines = File.ReadAllLines(path);
        lines[3] = lines[3].Replace("\"decision\":\"deny\"", "\"decision\":\"allow\"", StringComparison.Ordinal); // line 4: carol's denied decision
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("audit-log.html"));
        Assert.Contains("Verification failed at line 4 (an event was edited, deleted, inserted or reordered).", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Hash chain intact", Notice(page), StringComparison.Ordinal);
        foreach (var seq in Enumerable.Range(1, 9))
        {
            var row = Row(page, $"event-{seq}");
            Assert.Equal(seq >= 4, row.Contains("row-unverified", StringComparison.Ordinal));
            Assert.Equal(seq >= 4, row.Contains("not verified", StringComparison.Ordinal));
        }

        Assert.Contains("Verification failed", File.ReadAllText(output.Combine("index.html")), StringComparison.Ordinal);
        Assert.Contains("CMP2201", File.ReadAllText(output.Combine("findings.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_shows_the_log_the_check_read_not_events_appended_after_it()
    {
        using var repo = FixtureRepo.Create("mini");
        var result = repo.Check();
        AuditLog.ForRoot(repo.Root).Append("evidence-collected", "alice", null, new Dictionary<string, string>(), () => new DateTimeOffset(2026, 9, 30, 12, 0, 0, TimeSpan.Zero));
        using var output = new TempFolder();
        SiteGenerator.Render(result, new SiteOptions(output.Path));

        var page = File.ReadAllText(output.Combine("audit-log.html"));
        // The site shows the engine's result (which may have come from a ref), never a second read of the work tree.
        Assert.Contains("Hash chain intact, 9 events.", Notice(page), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"event-10\"", page, StringComparison.Ordinal);
        Assert.Contains("row-verified", Row(page, "event-9"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deploy_without_an_allowing_decision_for_its_artifact_is_shown_as_a_problem()
    {
        using var repo = FixtureRepo.Create("mini");
        var log = AuditLog.ForRoot(repo.Root);
        var events = log.Read();
        var denied = events.Single(e => e.Seq == 4);
        var allowed = events.Single(e => e.Seq == 7);
        var at = new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.Zero);
        log.Append("deploy", "alice@acme.example", FixtureAuditLogs.SecondImage, new Dictionary<string, string> { ["image"] = "portal:unGated" }, () => at);                                       // 10
        log.Append("deploy", "alice@acme.example", FixtureAuditLogs.SecondImage, new Dictionary<string, string> { ["gate-decision"] = "sha256:" + new string('0', 64) }, () => at);             // 11
        log.Append("deploy", "alice@acme.example", FixtureAuditLogs.DeniedImage, new Dictionary<string, string> { ["gate-decision"] = denied.Hash }, () => at);                                // 12
        log.Append("deploy", "alice@acme.example", FixtureAuditLogs.FirstImage, new Dictionary<string, string> { ["gate-decision"] = allowed.Hash }, () => at);                                // 13
        log.Append("deploy", "alice@acme.example", FixtureAuditLogs.FirstImage, new Dictionary<string, string> { ["gate-decision"] = events.Single(e => e.Seq == 3).Hash }, () => at);         // 14
        var unGated = log.Read().Single(e => e.Seq == 10).Hash;
        log.Append("deploy-reviewed", "alice@acme.example", null, new Dictionary<string, string> { ["deploy"] = unGated, ["reason"] = "Break-glass restore <b>INC-9</b>" }, () => at.AddHours(2));    // 15
        File.Delete(log.LockPath);
        repo.Commit("Deploys the gate did not allow", FixtureRepo.SecondCommit.AddHours(1));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var page = File.ReadAllText(output.Combine("audit-log.html"));
        Assert.Contains("No gate decision", Row(page, "event-10"), StringComparison.Ordinal);
        Assert.Contains("Reviewed in #15", Row(page, "event-10"), StringComparison.Ordinal);
        Assert.DoesNotContain("Reviewed in", Row(page, "event-11"), StringComparison.Ordinal);
        Assert.Contains("Decision not in the log", Row(page, "event-11"), StringComparison.Ordinal);
        Assert.Contains("Gate denied it", Row(page, "event-12"), StringComparison.Ordinal);
        var deploys = Regex.Match(page, "<table class=\"data deploys\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Matches("href=\"#event-10\">#10</a>.*?Reviewed: .*?#15.*? — Break-glass restore &lt;b&gt;INC-9&lt;/b&gt;", deploys);
        Assert.Matches("href=\"#event-12\">#12</a>.*?Gate denied it.*?Denied for: <code>CMP2102 chat.chatco.example</code>, <code>CMP2104 carol@acme.example</code>, <code>CMP2107 prod-runner</code>", deploys);
        Assert.Contains("Decision was for another artifact", Row(page, "event-13"), StringComparison.Ordinal);
        Assert.Contains("Names an event that is not a decision", Row(page, "event-14"), StringComparison.Ordinal);
        Assert.Contains("Allowed by the gate", Row(page, "event-8"), StringComparison.Ordinal);
        Assert.Contains("5 without an allowing decision", page, StringComparison.Ordinal);
        Assert.Contains("5 deploys without an allowing decision", File.ReadAllText(output.Combine("index.html")), StringComparison.Ordinal);

        // The denied decision now lists the deploy that named it.
        var decisions = Regex.Match(page, "<table class=\"data decisions\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Matches("href=\"#event-4\">#4</a>.*?Deployed: <a href=\"#event-12\">#12</a>", decisions);
    }

    [Fact]
    public void A_long_audit_log_is_shown_in_pages_of_events_and_every_link_to_an_event_resolves()
    {
        using var repo = FixtureRepo.Create("mini");
        var log = AuditLog.ForRoot(repo.Root);
        var before = log.Read();
        var last = before[^1];
        var text = new System.Text.StringBuilder(File.ReadAllText(log.Path));
        var at = new DateTimeOffset(2026, 9, 21, 0, 0, 0, TimeSpan.Zero);

        // 2,100 more events: an allowing decision and the deploy through it, over and over; one deploy names a decision not in the log.
        for (var i = 0; i < 1050; i++)
        {
            var decision = AuditEvent.Create(last.Seq + 1, at.AddMinutes(2 * i), "gate-decision", "alice@acme.example", FixtureAuditLogs.FirstImage, new Dictionary<string, string> { ["decision"] = "allow" }, last.Hash);
            var named = i == 500 ? "sha256:" + new string('0', 64) : decision.Hash;
            var deploy = AuditEvent.Create(decision.Seq + 1, at.AddMinutes((2 * i) + 1), "deploy", "alice@acme.example", FixtureAuditLogs.FirstImage, new Dictionary<string, string> { ["gate-decision"] = named }, decision.Hash);
            text.Append(decision.ToLine()).Append('\n').Append(deploy.ToLine()).Append('\n');
            last = deploy;
        }

        File.WriteAllText(log.Path, text.ToString());
        File.WriteAllText(log.HeadPath, $"{{\"seq\":{last.Seq},\"hash\":\"{last.Hash}\"}}\n");
        repo.Commit("A long audit log", FixtureRepo.SecondCommit.AddHours(1));
        using var output = new TempFolder();
        repo.Render(output.Path);

        var total = before.Count + 2100;
        var main = File.ReadAllText(output.Combine("audit-log.html"));
        Assert.Contains($"Hash chain intact, {total} events.", Notice(main), StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"data events\">", main, StringComparison.Ordinal);
        Assert.Equal(new[] { "events-1.html", "events-2.html", "events-3.html" }, Directory.GetFiles(output.Combine("audit-log")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains($"Lines 2001–{total}", main, StringComparison.Ordinal);

        // The deploy that names no decision of the log (line 1011) is listed on the log's page, linked to the page that holds it.
        var problem = before.Count + 1002;
        Assert.Contains($"href=\"audit-log/events-2.html#event-{problem}\"", main, StringComparison.Ordinal);
        var page2 = File.ReadAllText(output.Combine("audit-log/events-2.html"));
        Assert.Contains("Decision not in the log", Row(page2, $"event-{problem}"), StringComparison.Ordinal);
        Assert.Contains("Audit log, lines 1001–2000", page2, StringComparison.Ordinal);

        // Every link from the log's pages to another page of the site lands on a file, and on an element when it names one.
        var pages = new[] { "audit-log.html", "audit-log/events-1.html", "audit-log/events-2.html", "audit-log/events-3.html" };
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            var html = File.ReadAllText(output.Combine(page));
            foreach (Match link in Regex.Matches(html, "href=\"([^\"#:]*)(#[^\"]*)?\""))
            {
                var target = link.Groups[1].Value.Length == 0 ? page : Path.GetRelativePath(output.Path, Path.GetFullPath(Path.Combine(output.Path, Path.GetDirectoryName(page)!, link.Groups[1].Value)));
                Assert.True(File.Exists(output.Combine(target)), $"{page} links to {link.Value}, which is not a file of the site.");
                if (link.Groups[2].Success && target.StartsWith("audit-log", StringComparison.Ordinal))
                {
                    Assert.Contains($"id=\"{link.Groups[2].Value[1..]}\"", File.ReadAllText(output.Combine(target)), StringComparison.Ordinal);
                }

                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 2000, $"only {checkedLinks} links checked");

        // The print page carries the log's page (with every problem), not thousands of event rows.
        Assert.DoesNotContain("Audit log, lines 1–1000", File.ReadAllText(output.Combine("print.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_programme_without_an_audit_log_incidents_or_endpoints_says_so()
    {
        using var repo = FixtureRepo.Create("hostile");
        File.Delete(Path.Combine(repo.Root, "policies/incidents.yaml"));
        var programme = Path.Combine(repo.Root, "controls/programme.yaml");
        var text = File.ReadAllText(programme);
        File.WriteAllText(programme, text.Substring(0, text.IndexOf("  runners:", StringComparison.Ordinal)));
        repo.Commit("Nothing enforced yet", new DateTimeOffset(2026, 1, 16, 10, 0, 0, TimeSpan.Zero));

        // Not committed: a commit that deletes a committed log removes its events, which the history check reports (CMP2206).
        File.Delete(Path.Combine(repo.Root, AuditLog.DefaultPath));
        File.Delete(Path.Combine(repo.Root, AuditLog.DefaultPath + ".head"));
        using var output = new TempFolder();
        var result = ComplianceCheck.Run(new CheckOptions(repo.Root, FixtureRepo.AsOf));
        SiteGenerator.Render(result, new SiteOptions(output.Path));

        Assert.Contains("No audit log.", File.ReadAllText(output.Combine("audit-log.html")), StringComparison.Ordinal);
        Assert.Contains("No incident is a breach of unsecured PHI.", File.ReadAllText(output.Combine("incidents.html")), StringComparison.Ordinal);
        Assert.Contains("The programme declares no endpoint", File.ReadAllText(output.Combine("encryption.html")), StringComparison.Ordinal);
    }

    /// <summary>The verification notice at the top of the page.</summary>
    private static string Notice(string page) => Regex.Match(page, "<div class=\"notice [^\"]*verification\".*?</div>", RegexOptions.Singleline).Value;

    /// <summary>The row of the audit-log table with the given ID.</summary>
    private static string Row(string page, string id)
    {
        var match = Regex.Match(page, $"<tr id=\"{Regex.Escape(id)}\".*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No row '{id}' on the page.");
        return match.Value;
    }
}
