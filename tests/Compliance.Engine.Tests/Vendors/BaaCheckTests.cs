using System.Linq;
using Compliance.Engine.Checks;

namespace Compliance.Engine.Tests;

public class BaaCheckTests
{
    private static void Vendors(TestProgramme programme, string yaml) => programme.Write("policies/vendors.yaml", yaml);

    private static string Vendor(string id, bool phi, string? baa, string subcontractors = "[]") => $"""
          - id: {id}
            name: {id} Inc
            handles_phi: {(phi ? "true" : "false")}
            services:
              - id: {id}.example
                name: Service
            subcontractors: {subcontractors}
        {(baa is null ? string.Empty : baa)}
        """ + "\n";

    private static string Baa(string expires, string effective = "2025-01-01", string evidence = "evidence/baa/cloud.md") => $"""
            baa:
              signed_on: 2025-01-01
              effective_on: {effective}
              expires_on: {expires}
              evidence: {evidence}
        """;

    [Fact]
    public void A_BAA_expiring_on_the_as_of_day_is_still_in_force_but_warned()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n" + Vendor("cloud", true, Baa("2026-11-01")));

        var result = programme.Check();

        Assert.Equal(BaaState.Expiring, Assert.Single(result.Vendors).State);
        Assert.Equal(0, result.Vendors[0].DaysLeft);
        Assert.Equal("policies/vendors.yaml(12,19): warning CMP1202: The BAA with 'cloud' expires on 2026-11-01, in 0 days (warning window 60 days). Fix: Start the renewal now; record the new agreement when it is signed.", Assert.Single(TestProgramme.Lines(result)));
    }

    [Fact]
    public void A_BAA_that_expired_the_day_before_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n" + Vendor("cloud", true, Baa("2026-10-31")));

        var result = programme.Check();

        Assert.Equal("policies/vendors.yaml(12,19): error CMP1201: The BAA with 'cloud' expired on 2026-10-31; the vendor handles PHI. Fix: Renew the BAA, record the new dates and the signed agreement in policies/vendors.yaml, or stop sending PHI to the vendor.", Assert.Single(TestProgramme.Lines(result)));
        Assert.False(result.Passed);
    }

    [Fact]
    public void The_warning_window_is_configurable()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n" + Vendor("cloud", true, Baa("2026-12-14")));

        Assert.Single(TestProgramme.Lines(programme.Check()));
        Assert.Empty(TestProgramme.Lines(programme.Check(configure: o => o with { BaaWarningDays = 30 })));
    }

    [Fact]
    public void A_PHI_vendor_without_a_BAA_is_an_error_and_a_non_PHI_vendor_needs_none()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n" + Vendor("cloud", true, null) + Vendor("chat", false, null));

        var result = programme.Check();

        Assert.Equal("policies/vendors.yaml(2,9): error CMP1203: The vendor 'cloud' handles PHI but has no BAA. Fix: Sign a BAA (45 CFR 164.308(b), 164.314(a)) and record it under the vendor's baa, or set handles_phi: false if no PHI reaches the vendor.", Assert.Single(TestProgramme.Lines(result), l => l.Contains("CMP120")));
        Assert.Equal(BaaState.NotRequired, result.Vendors.Single(v => v.VendorId == "chat").State);
    }

    [Fact]
    public void A_broken_subcontractor_chain_names_the_whole_chain()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n"
            + Vendor("mail", true, Baa("2027-12-31"), "[relay]")
            + Vendor("relay", true, Baa("2027-12-31"), "[datacentre]")
            + Vendor("datacentre", true, Baa("2026-01-31")));

        var line = Assert.Single(TestProgramme.Lines(programme.Check()));

        Assert.StartsWith("policies/vendors.yaml(", line);
        Assert.Contains("error CMP1204: The subcontractor 'datacentre' handles PHI but has a BAA that expired on 2026-01-31, breaking the BAA chain mail -> relay -> datacentre.", line);
    }

    [Fact]
    public void A_BAA_whose_signed_agreement_is_missing_is_an_error()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n" + Vendor("cloud", true, Baa("2027-12-31", evidence: "evidence/baa/missing.pdf")));

        Assert.Equal("policies/vendors.yaml(13,17): error CMP1205: The signed BAA of 'cloud' is recorded as 'evidence/baa/missing.pdf', but that file does not exist. Fix: Store the signed agreement under evidence/ and point the BAA's evidence field at it.", Assert.Single(TestProgramme.Lines(programme.Check()), l => l.Contains("CMP1205")));
    }

    [Fact]
    public void A_BAA_agreement_path_outside_evidence_is_refused()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n" + Vendor("cloud", true, Baa("2027-12-31", evidence: "policies/people.yaml")));

        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.StartsWith("policies/vendors.yaml(13,17): error CMP1105: The signed-agreement path 'policies/people.yaml' of 'cloud' is refused because it does not lie under evidence/", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_BAA_not_yet_effective_is_an_error_for_a_PHI_vendor()
    {
        using var programme = new TestProgramme(git: false);
        Vendors(programme, "vendors:\n" + Vendor("cloud", true, Baa("2028-12-31", effective: "2026-12-01")));

        Assert.Contains(TestProgramme.Lines(programme.Check()), l => l.Contains("error CMP1206: The BAA with 'cloud' takes effect on 2026-12-01, after 2026-11-01"));
    }
}
