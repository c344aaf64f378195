using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Compliance.Engine.Tests;

/// <summary>
/// A real RFC 3161 timestamp authority on 127.0.0.1: a TSA key and certificate made by openssl (extendedKeyUsage
/// critical, timeStamping), and 'openssl ts -reply' run for each request behind an HttpListener.
/// </summary>
public sealed class TestTsa : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "compliance-tsa-" + Guid.NewGuid().ToString("N"));
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public TestTsa(string name)
    {
        Directory.CreateDirectory(_folder);
        OpenSsl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "3650",
            "-keyout", Path.Combine(_folder, "tsa.key"), "-out", Path.Combine(_folder, "tsa.crt"), "-subj", $"/CN={name}",
            "-addext", "extendedKeyUsage=critical,timeStamping", "-addext", "keyUsage=critical,digitalSignature", "-addext", "basicConstraints=critical,CA:FALSE");
        File.WriteAllText(Path.Combine(_folder, "serial"), "01\n");
        File.WriteAllText(Path.Combine(_folder, "tsa.cnf"), $"""
            [ tsa ]
            default_tsa = test_tsa
            [ test_tsa ]
            dir = {_folder}
            serial = $dir/serial
            crypto_device = builtin
            signer_cert = $dir/tsa.crt
            signer_key = $dir/tsa.key
            signer_digest = sha256
            default_policy = 1.2.3.4.1
            digests = sha256
            accuracy = secs:1
            ordering = yes
            tsa_name = no
            ess_cert_id_chain = no
            ess_cert_id_alg = sha256
            """);
        CertificatePem = File.ReadAllText(Path.Combine(_folder, "tsa.crt"));
        (_listener, var port) = Listen();
        Url = new Uri($"http://127.0.0.1:{port}/tsa");
        _serving = Task.Run(Serve);
    }

    public Uri Url { get; }

    public string CertificatePem { get; }

    public int Requests { get; private set; }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var id = Guid.NewGuid().ToString("N");
            var query = Path.Combine(_folder, id + ".tsq");
            var reply = Path.Combine(_folder, id + ".tsr");
            using (var file = File.Create(query))
            {
                await context.Request.InputStream.CopyToAsync(file);
            }

            Requests++;
            OpenSsl("ts", "-reply", "-config", Path.Combine(_folder, "tsa.cnf"), "-queryfile", query, "-out", reply);
            var bytes = File.ReadAllBytes(reply);
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    /// <summary>
    /// A listener on a free port of 127.0.0.1. The port is free when probed but another test's server can take
    /// it before the listener binds, so a port found taken is given up for another one.
    /// </summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private static void OpenSsl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', args)} failed: {error.Result}");
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        Directory.Delete(_folder, recursive: true);
    }
}
