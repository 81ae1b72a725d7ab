// Codebook quickstart: the SIP status codes of the embedded catalogue plus one code this project adds in its own
// codes.yaml (477 Send Failed), used through the generated API.
using System;
using System.Globalization;
using Codebook.Gb28181;
using Codebook.Sip;

var english = CultureInfo.GetCultureInfo("en");
var chinese = CultureInfo.GetCultureInfo("zh-CN");

Console.WriteLine("SIP status codes");
Console.WriteLine(new string('=', 16));
foreach (var code in new[] { SipStatusCode.Ringing, SipStatusCode.Ok, SipStatusCode.MethodNotAllowed, SipStatusCode.RequestTimeout, SipStatusCode.SendFailed, SipStatusCode.RequestTerminated, SipStatusCode.Decline })
{
    Console.WriteLine($"{(int)code} {code.GetReasonPhrase()} [{code.GetStatusClass()}]");
    Console.WriteLine($"    user      en:    {code.ToUserMessage(english)}");
    Console.WriteLine($"    user      zh-CN: {code.ToUserMessage(chinese)}");
    Console.WriteLine($"    engineer  en:    {code.ToEngineerMessage(english)}");
    Console.WriteLine($"    engineer  zh-CN: {code.ToEngineerMessage(chinese)}");
    var headers = code.GetRequiredHeaders();
    if (headers.Count > 0)
    {
        Console.WriteLine($"    must carry: {string.Join(", ", headers)}");
    }
}

Console.WriteLine();
Console.WriteLine("Rules from the catalogue");
Console.WriteLine(new string('=', 24));
Console.WriteLine($"487 in reply to CANCEL allowed?  {SipStatusCode.RequestTerminated.IsAllowedFor(SipMethod.Cancel)}");
Console.WriteLine($"487 in reply to INVITE allowed?  {SipStatusCode.RequestTerminated.IsAllowedFor(SipMethod.Invite)}");
Console.WriteLine($"305 sent by a proxy allowed?     {SipStatusCode.UseProxy.IsAllowedFrom(SipRole.Proxy)}");
Console.WriteLine($"Unknown 455 is handled as        {(int)SipStatusCodes.FromValueOrClassDefault(455)}");
Console.WriteLine($"Unknown 155 is handled as        {(int)SipStatusCodes.FromValueOrClassDefault(155)}");

Console.WriteLine();
Console.WriteLine("Status lines");
Console.WriteLine(new string('=', 12));
foreach (var line in new[] { "SIP/2.0 487 Request Terminated", "SIP/2.0 180 ", "SIP/2.0 477 Send Failed", "SIP/2.0 200 Fine thanks", "RTSP/1.0 200 OK", "SIP/2.0 48" })
{
    Console.WriteLine(SipStatusCodes.TryParseStatusLine(line, out var code, out var reason)
        ? $"{line,-32} -> {(int)code} {code}, reason \"{reason}\""
        : $"{line,-32} -> not a SIP status line");
}

Console.WriteLine();
Console.WriteLine("GB/T 28181 platform codes");
Console.WriteLine(new string('=', 25));
foreach (var code in new[] { Gb28181StatusCode.DeviceOffline, Gb28181StatusCode.PlatformMessageSendFailed })
{
    Console.WriteLine($"{(int)code} {code.GetReasonPhrase()}: {code.ToUserMessage(chinese)} / {code.ToEngineerMessage(chinese)}");
}
