using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;

namespace Compliance.Engine.Checks;

/// <summary>
/// Workforce sanctions (164.308(a)(1)(ii)(C)): from the day a person is revoked they own no control
/// or policy and approve no waiver.
/// </summary>
public static class WorkforceChecks
{
    public static void Run(CheckContext context)
    {
        foreach (var control in context.Programme.Controls)
        {
            Check(context, control.Owner, control.Id.Value, $"owns control '{control.Id.Value}'");
        }

        foreach (var policy in context.Programme.Policies)
        {
            Check(context, policy.Owner, policy.Id.Value, $"owns policy '{policy.Id.Value}'");
        }

        foreach (var waiver in context.Programme.Waivers)
        {
            Check(context, waiver.ApprovedBy, waiver.Id.Value, $"approved waiver '{waiver.Id.Value}'");
        }
    }

    private static void Check(CheckContext context, Located? reference, string target, string what)
    {
        if (reference is not null && context.Person(reference.Value) is { } person && !CheckContext.IsActiveOn(person, context.AsOf))
        {
            context.Report(Rules.RevokedOwner, reference.Span, target,
                $"'{person.Id.Value}' {what} but was revoked on {CheckContext.Iso(CheckContext.Day(person.RevokedOn!.Value))}.");
        }
    }
}
