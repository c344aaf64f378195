using System;

namespace Compliance.Site.Output;

/// <summary>Why the site was not written: the output folder is not one the site may write to.</summary>
public sealed class SiteException : Exception
{
    public SiteException(string message)
        : base(message)
    {
    }

    public SiteException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
