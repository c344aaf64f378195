namespace Compliance.Engine.Tests.Collection;

/// <summary>Declares a collector on the test programme's CRY-01/kms-keys requirement.</summary>
public static class CollectorProgramme
{
    public static void Declare(TestProgramme programme, string run, string output = "kms-{date}.json", int timeoutSeconds = 10, string env = "[]", int freshnessDays = 30)
    {
        programme.Write("controls/controls.yaml", $"""
            controls:
              - id: CRY-01
                title: Encryption at rest
                description: Disks are encrypted.
                owner: alice
                status: implemented
                maps_to: [M-1]
                evidence:
                  - id: kms-keys
                    description: Key inventory.
                    collection: automated
                    freshness_days: {freshnessDays}
                    collector:
                      job: kms-export
                      run: {run}
                      output: {output}
                      timeout_seconds: {timeoutSeconds}
                      env: {env}
            """);
    }
}
