namespace Compliance.Model.Diagnostics;

// CMP2208-CMP2213: the audit log's event signatures.
public static partial class Rules
{
    public static readonly Rule AuditSignatureInvalid = new(
        "CMP2208", "An audit event's signature verifies over the event's canonical bytes", Severity.Error, AuditLog,
        "Treat the event as forged or edited and investigate it as a security incident; a signature cannot be repaired, only a new signed event appended.");

    public static readonly Rule AuditSignatureKeyUnknown = new(
        "CMP2209", "An audit event is signed by a key that a runner or a person of the programme declares", Severity.Error, AuditLog,
        "Declare the signer's public key under its runner (programme.yaml, public_keys) or person (policies/people.yaml, public_keys), or investigate who holds that key.");

    public static readonly Rule AuditSignerRevoked = new(
        "CMP2210", "An audit event is not signed by a key whose owner was revoked on or before the event's day", Severity.Error, AuditLog,
        "Investigate the event as a security incident: the key of a revoked person or retired runner was still in use. Rotate or destroy the key.");

    public static readonly Rule AuditRunnerKeyTypeNotAllowed = new(
        "CMP2211", "A runner's key signs only the event types the runner may sign", Severity.Error, AuditLog,
        "Add the event type to the runner's signs list in programme.yaml if that runner should record it, or investigate why its key signed it.");

    public static readonly Rule AuditSignatureMissing = new(
        "CMP2212", "Every audit event of a type the programme requires signed carries a signature", Severity.Error, AuditLog,
        "Append events of that type with 'compliance audit append --sign-key FILE' (or set COMPLIANCE_SIGN_KEY); investigate the unsigned event.");

    public static readonly Rule AuditSigningKeyInvalid = new(
        "CMP2213", "A declared signing key is an ECDSA P-256 public key that one owner declares", Severity.Error, AuditLog,
        "Write the key as a PEM PUBLIC KEY block or the base64 of its SubjectPublicKeyInfo (openssl ec -pubout), and declare each key under one runner or person only.");
}
