using Compliance.Engine.Audit;
using Compliance.Engine.Git;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;

namespace Compliance.Engine.Checks;

/// <summary>The build runs 'compliance audit verify': an edited, deleted, reordered or truncated event, or a rewritten committed prefix, is an error.</summary>
public static class AuditLogChecks
{
    public static AuditVerification Run(CheckContext context)
    {
        var log = AuditLog.ForRoot(context.Options.Root);
        var committed = context.Provenance.Available ? GitContent.AtHead(context.Options.Root, AuditLog.DefaultPath) : null;
        var verification = log.Verify(committed);
        if (!verification.Valid)
        {
            var rule = RuleFor(verification.Problem);
            var at = new SourceSpan(AuditLog.DefaultPath, 0, 0, verification.Line, 1, verification.Line, 1);
            context.Report(rule, at, AuditLog.DefaultPath, verification.Message);
        }

        return verification;
    }

    /// <summary>The rule a failed verification breaks, for the build and for 'compliance audit verify' alike.</summary>
    public static Rule RuleFor(AuditProblem problem) => problem switch
    {
        AuditProblem.Truncated => Rules.AuditLogTruncated,
        AuditProblem.Rewritten => Rules.AuditLogRewritten,
        _ => Rules.AuditLogTampered,
    };
}
