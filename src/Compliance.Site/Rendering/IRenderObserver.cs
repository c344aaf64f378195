namespace Compliance.Site.Rendering;

/// <summary>
/// Told of each page's strings as they are rendered and of each print part once written, so a test can
/// count how many page bodies are still alive while the site renders. Null outside tests.
/// </summary>
internal interface IRenderObserver
{
    /// <param name="printBody">The page's body as its print part holds it, or null when no print part holds it.</param>
    void PageRendered(string path, string body, string? printBody);

    void PrintPartWritten(string path);
}
