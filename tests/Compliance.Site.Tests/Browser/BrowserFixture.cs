using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Compliance.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Compliance.Site.Tests.Browser;

/// <summary>
/// One Chromium for all browser tests, and the two rendered sites they open from file://: the fixture
/// programme and the hostile one. Playwright drives Debian's Chromium at /usr/bin/chromium, so nothing is
/// downloaded. A missing Chromium fails every browser test with the fix, never skips them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<IDisposable> _cleanup = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string Site { get; private set; } = null!;

    public string HostileSite { get; private set; } = null!;

    public static Uri FileUrl(string site, string relative) => new(Path.Combine(site, relative));

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}, so the browser tests cannot run. Install it with 'apt-get install -y chromium' (tests/run.sh does this on a fresh machine).");
        }

        var mini = Track(FixtureRepo.Create("mini"));
        var miniOut = Track(new TempFolder("site-browser"));
        mini.Render(miniOut.Path);
        Site = miniOut.Path;

        var hostile = Track(FixtureRepo.Create("hostile"));
        var hostileOut = Track(new TempFolder("site-hostile"));
        hostile.Render(hostileOut.Path);
        HostileSite = hostileOut.Path;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run" },
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        foreach (var item in _cleanup)
        {
            item.Dispose();
        }
    }

    /// <summary>A fresh page that records console errors, page errors, failed requests and dialogs.</summary>
    public async Task<Session> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        return new Session(context, page);
    }

    private T Track<T>(T item)
        where T : IDisposable
    {
        _cleanup.Add(item);
        return item;
    }
}

/// <summary>A browser page and what went wrong on it: console errors (CSP violations among them), uncaught errors, failed loads and dialogs.</summary>
public sealed class Session : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    public Session(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Problems.Add($"console {message.Type}: {message.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) => Problems.Add($"page error: {error} ({page.Url})");
        page.RequestFailed += (_, request) => Problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Dialog += async (_, dialog) =>
        {
            Dialogs.Add($"{dialog.Type}: {dialog.Message} ({page.Url})");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public List<string> Problems { get; } = new();

    public List<string> Dialogs { get; } = new();

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
