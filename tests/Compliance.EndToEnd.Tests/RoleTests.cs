using System;
using Compliance.EndToEnd.Tests.Harness;

namespace Compliance.EndToEnd.Tests;

/// <summary>
/// The programme's HIPAA role through a real 'dotnet build': the same breach fails a covered entity
/// that never notified the individuals, and a business associate only on its own clock (164.410),
/// here the shorter window of the covered entity's BAA.
/// </summary>
public sealed class RoleTests
{
    // Discovered 2025-11-01: day 60 is 2025-12-31; the build runs as of 2026-02-01.
    private const string Breach = """
        incidents:
          - id: INC-1
            title: Misdirected appointment letter
            discovered_on: 2025-11-01
            breach: true
            individuals_affected: 1

        """;

    [Fact]
    public void A_covered_entity_fails_the_build_when_the_individuals_were_not_notified()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Replace("controls/programme.yaml", "  scope:\n", "  role: covered-entity\n  scope:\n");
        repo.Write("policies/incidents.yaml", Breach);
        repo.Commit("Record a breach", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

        BuildAssert.Fails(
            repo.Build(),
            "policies/incidents.yaml(2,9): error CMP1701: Breach 'INC-1' (discovered 2025-11-01, 1 individuals): individuals not notified, and the deadline of 2025-12-31 passed 32 days ago. Fix: Notify the affected individuals now and record individuals_notified_on; document any law-enforcement delay (164.412) in law_enforcement_delay.");
    }

    [Fact]
    public void A_business_associate_is_held_to_its_BAA_window_and_not_to_the_covered_entitys_notices()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Append("controls/programme.yaml", """
              role: business-associate
              covered_entities:
                - id: CL-1
                  name: Alder Clinic
                  notice_days: 10

            """);
        repo.Write("policies/incidents.yaml", Breach + """
                covered_entities:
                  - covered_entity: CL-1
                    notified_on: 2025-11-12

            """);
        repo.Commit("Record a breach of a clinic's PHI", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

        BuildAssert.Fails(
            repo.Build(),
            "policies/incidents.yaml(8,9): error CMP1707: Breach 'INC-1' (discovered 2025-11-01): the covered entity 'CL-1' were notified on 2025-11-12, 1 days after the deadline of 2025-11-11 (the BAA's 10 days). Fix: Notify the covered entity now and record notified_on; the BAA's notice_days (programme.covered_entities) is the contractual deadline.");
    }

    [Fact]
    public void A_business_associate_that_notified_the_covered_entity_in_time_passes()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Append("controls/programme.yaml", """
              role: business-associate
              covered_entities:
                - id: CL-1
                  name: Alder Clinic

            """);
        repo.Write("policies/incidents.yaml", Breach + """
                covered_entities:
                  - covered_entity: CL-1
                    notified_on: 2025-11-03

            """);
        repo.Commit("Record a breach of a clinic's PHI", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

        BuildAssert.Passes(repo.Build());
    }

    [Fact]
    public void A_programme_that_is_both_runs_the_covered_entitys_clock_on_its_own_breach_and_164_410_on_a_clients()
    {
        using var repo = ProgrammeRepo.FromFixture("valid");
        repo.Append("controls/programme.yaml", """
              role: both
              covered_entities:
                - id: CL-1
                  name: Alder Clinic

            """);
        // INC-1 is the programme's own breach (no covered entity): it owes 164.404 and is late. INC-2 is a
        // client's: as its business associate the programme owed 164.410 only, and notified in time.
        repo.Write("policies/incidents.yaml", Breach + """
              - id: INC-2
                title: Clinic letters sent to the wrong address
                discovered_on: 2025-11-01
                breach: true
                individuals_affected: 1
                covered_entities:
                  - covered_entity: CL-1
                    notified_on: 2025-11-03

            """);
        repo.Commit("Record two breaches", new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero));

        BuildAssert.Fails(
            repo.Build(),
            "policies/incidents.yaml(2,9): error CMP1701: Breach 'INC-1' (discovered 2025-11-01, 1 individuals): individuals not notified, and the deadline of 2025-12-31 passed 32 days ago. Fix: Notify the affected individuals now and record individuals_notified_on; document any law-enforcement delay (164.412) in law_enforcement_delay.");
    }
}
