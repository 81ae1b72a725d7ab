using System;
using System.Globalization;
using Codebook.Sip;

var codes = new[] { SipStatusCode.Ringing, SipStatusCode.Ok, SipStatusCode.RequestTerminated, (SipStatusCode)477 };
foreach (var code in codes)
{
    Console.WriteLine($"{(int)code} {code.GetReasonPhrase()} {code.GetStatusClass()} | {code.ToUserMessage(CultureInfo.GetCultureInfo("zh-CN"))}");
}
