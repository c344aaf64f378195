using Compliance.Model.Binding;
using Compliance.Model.Documents;

namespace Compliance.Model.Parsing;

/// <summary>Binds the programme's optional 'identity_provider:' mapping.</summary>
internal static class IdentityProviderBinder
{
    public static IdentityProviderDefinition? Bind(MappingReader programme)
    {
        var reader = programme.Mapping("identity_provider", required: false, "the programme's identity_provider");
        if (reader is null)
        {
            return null;
        }

        var phiGroups = reader.Strings("phi_groups", required: true);
        var accessReview = reader.Reference("access_review", required: true);
        reader.Finish();
        return phiGroups.IsEmpty || accessReview is null ? null : new IdentityProviderDefinition(phiGroups, accessReview, reader.Span);
    }
}
