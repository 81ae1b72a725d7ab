using System;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Threading;
using SipServer;

// dotnet run --project samples/SipServer -- --port 5060 [--ring 1000] [--password secret]
// dotnet run --project samples/SipServer -- --probe 127.0.0.1:5060 [--cancel-after 300]
var port = 5060;
var ring = 1000;
var cancelAfter = 300;
var password = "secret";
IPEndPoint? probe = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--port": port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--ring": ring = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--password": password = Next(); break;
        case "--probe": probe = IPEndPoint.Parse(Next()); break;
        case "--cancel-after": cancelAfter = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; usage: --port N [--ring MS] [--password P] | --probe host:port [--cancel-after MS]");
            return 2;
    }
}

var tally = new Tally();
if (probe is not null)
{
    var ok = await new Probe(probe, tally).RunAsync(cancelAfter);
    tally.Print();
    return ok ? 0 : 1;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
var server = new Server(new IPEndPoint(IPAddress.Loopback, port), ring, password, tally);
await server.RunAsync(stop.Token);
Console.WriteLine("stopped");
tally.Print();
return 0;
