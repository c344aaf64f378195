using System;
using System.Collections.Generic;

namespace Compliance.Site.Model;

// The endpoints' encryption verified at deploy time (issue 5).

public sealed record CertificateModel(string Subject, string Issuer, string NotAfter, string Sha256);

public sealed record SignatureModel(string Artifact, string Signer, bool Verified, string? Error);

/// <summary>What one tls-verification record says: where, when, what was negotiated, the certificate and the artifact signature check.</summary>
public sealed record TlsRecordModel(
    string Endpoint,
    string Url,
    string Host,
    int Port,
    string VerifiedAt,
    bool Succeeded,
    string? Protocol,
    bool ProtocolAcceptable,
    string? Cipher,
    string? Error,
    CertificateModel? Certificate,
    SignatureModel? Signature);

/// <summary>One tls-verification artifact: its evidence page and file, and the record it holds (when it could be read).</summary>
public sealed record VerificationModel(
    ArtifactModel Artifact,
    string? EndpointId,
    TlsRecordModel? Record,
    string? Problem,
    bool Latest,
    bool AfterAsOf);

public sealed record EndpointModel(
    string Id,
    string Url,
    string EvidenceKey,
    PageRef? EvidencePage,
    string State,
    VerificationModel? Latest,
    IReadOnlyList<VerificationModel> History,
    PageRef Anchor)
{
    public ItemLink Link => new(Id, Url, Anchor);
}

public sealed record EncryptionModel(IReadOnlyList<EndpointModel> Endpoints, IReadOnlyList<VerificationModel> Undeclared, PageRef Page);
