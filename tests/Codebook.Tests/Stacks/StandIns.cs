namespace Codebook.Tests.Stacks;

/// <summary>
/// Stand-ins for the stacks the embedded catalogue knows, shaped like their public APIs (names, namespaces, field or
/// property, parameter names; docs/stacks.md says where each comes from). They hold no behaviour: the analyzers
/// only see declarations. Each test compiles one into a library named like the stack, or uses it as vendored source.
/// </summary>
internal static class StandIns
{
    public const string SipSorcery = """
        #nullable disable
        namespace SIPSorcery.SIP
        {
            public enum SIPMethodsEnum { NONE = 0, UNKNOWN = 1, REGISTER = 2, INVITE = 3, BYE = 4, ACK = 5, CANCEL = 6, OPTIONS = 7, INFO = 8, NOTIFY = 9, SUBSCRIBE = 10, PUBLISH = 11, PING = 13, REFER = 14, MESSAGE = 15, PRACK = 16, UPDATE = 17, SERVICE = 18 }

            public enum SIPResponseStatusCodesEnum
            {
                None = 0, Trying = 100, Ringing = 180, SessionProgress = 183, Ok = 200, Accepted = 202, MovedTemporarily = 302, AlternativeService = 304,
                BadRequest = 400, Unauthorised = 401, Forbidden = 403, NotFound = 404, MethodNotAllowed = 405, ProxyAuthenticationRequired = 407,
                IntervalTooBrief = 423, TemporarilyUnavailable = 480, CallLegTransactionDoesNotExist = 481, BusyHere = 486, RequestTerminated = 487,
                InternalServerError = 500, NotImplemented = 501, Decline = 603,
            }

            public enum SIPAuthorisationHeadersEnum { Unknown = 0, Authorize = 1, ProxyAuthenticate = 2, ProxyAuthorization = 3, WWWAuthenticate = 4 }

            public class SIPAuthenticationHeader
            {
                public SIPAuthenticationHeader(SIPAuthorisationHeadersEnum authorisationType, string realm, string nonce) { }
            }

            public class SIPHeader
            {
                public string Allow;
                public int MinExpires;
                public System.Collections.Generic.List<SIPAuthenticationHeader> AuthenticationHeaders = new System.Collections.Generic.List<SIPAuthenticationHeader>();
                public SIPMethodsEnum CSeqMethod;
            }

            public class SIPMessageBase { public SIPHeader Header = new SIPHeader(); }

            public class SIPRequest : SIPMessageBase { public SIPMethodsEnum Method; }

            public class SIPResponse : SIPMessageBase
            {
                public SIPResponseStatusCodesEnum Status;
                public int StatusCode;
                public string ReasonPhrase;
                public SIPResponse(SIPResponseStatusCodesEnum responseStatus, string reasonPhrase) { Status = responseStatus; ReasonPhrase = reasonPhrase; }
                public static SIPResponse GetResponse(SIPRequest sipRequest, SIPResponseStatusCodesEnum responseCode, string reasonPhrase) => new SIPResponse(responseCode, reasonPhrase);
            }

            public class SIPTransport
            {
                public System.Threading.Tasks.Task SendResponseAsync(SIPResponse sipResponse) => System.Threading.Tasks.Task.CompletedTask;
            }

            public class SIPTransaction
            {
                public SIPRequest TransactionRequest { get { return null; } }
            }
        }
        namespace SIPSorcery.SIP.App
        {
            public class SIPServerUserAgent
            {
                public void Reject(SIPSorcery.SIP.SIPResponseStatusCodesEnum failureStatus, string reasonPhrase) { }
                public void Redirect(SIPSorcery.SIP.SIPResponseStatusCodesEnum redirectCode, string redirectURI) { }
            }
        }
        """;

    public const string Net7mma = """
        #nullable disable
        namespace Media.Http
        {
            public class HttpMessage
            {
                public string MethodString = string.Empty;
                public int StatusCode { get; set; }
                public void SetHeader(string name, string value) { }
            }
        }
        namespace Media.Rtsp
        {
            public enum RtspStatusCode
            {
                Unknown = 0, Continue = 100, OK = 200, LowOnStorageSpace = 250, MovedPermanently = 301, BadRequest = 400, Unauthorized = 401,
                NotFound = 404, MethodNotAllowed = 405, SessionNotFound = 454, MethodNotValidInThisState = 455, InvalidRange = 457,
                UnsupportedTransport = 461, InternalServerError = 500, NotImplemented = 501, OptionNotSupported = 551,
            }
            public enum RtspMethod { UNKNOWN, OPTIONS, ANNOUNCE, DESCRIBE, REDIRECT, SETUP, GET_PARAMETER, SET_PARAMETER, PLAY, PLAY_NOTIFY, PAUSE, RECORD, TEARDOWN }
            public enum RtspMessageType { Invalid = 0, Request = 1, Response = 2 }
            public static class RtspHeaders { public const string Allow = "Allow"; public const string Public = "Public"; public const string WWWAuthenticate = "WWW-Authenticate"; }

            public class RtspMessage : Media.Http.HttpMessage
            {
                public RtspMessage(RtspMessageType messageType) { }
                public RtspMethod RtspMethod { get; set; }
                public RtspStatusCode RtspStatusCode { get; set; }
                public int CSeq { get; set; }
            }

            public class ClientSession
            {
                public RtspMessage CreateRtspResponse(RtspMessage request = null, RtspStatusCode statusCode = RtspStatusCode.OK, string reasonPhrase = null, string body = null) => new RtspMessage(RtspMessageType.Response);
            }

            public class RtspServer
            {
                public void ProcessInvalidRtspRequest(ClientSession session, RtspStatusCode code = RtspStatusCode.BadRequest, string body = null, bool sendResponse = true) { }
                public void ProcessSendRtspMessage(RtspMessage message, ClientSession session, bool sendResponse = true) { }
            }
        }
        """;

    public const string SharpRtsp = """
        #nullable disable
        namespace Rtsp.Messages
        {
            public class RtspMessage
            {
                public System.Collections.Generic.Dictionary<string, string> Headers { get; } = new System.Collections.Generic.Dictionary<string, string>();
                public void AddHeader(string line) { }
                public string Method => "";
            }
            public class RtspResponse : RtspMessage
            {
                public int ReturnCode { get; set; }
                public string ReturnMessage { get; set; } = "";
            }
            public class RtspRequest : RtspMessage
            {
                public enum RequestType { UNKNOWN, DESCRIBE, ANNOUNCE, GET_PARAMETER, OPTIONS, PAUSE, PLAY, RECORD, REDIRECT, SETUP, SET_PARAMETER, TEARDOWN }
                public string Request => "";
                public RequestType RequestTyped { get; set; }
                public virtual RtspResponse CreateResponse() => new RtspResponse { ReturnCode = 200 };
            }
            public class RtspRequestOptions : RtspRequest { }
            public class RtspRequestDescribe : RtspRequest { }
            public class RtspRequestAnnounce : RtspRequest { }
            public class RtspRequestSetup : RtspRequest { }
            public class RtspRequestPlay : RtspRequest { }
            public class RtspRequestPause : RtspRequest { }
            public class RtspRequestRecord : RtspRequest { }
            public class RtspRequestTeardown : RtspRequest { }
            public class RtspRequestGetParameter : RtspRequest { }
            public class RtspRequestSetParameter : RtspRequest { }
            public class RtspRequestRedirect : RtspRequest { }
            public class RTSPRequestPlayback : RtspRequestPlay { }
        }
        namespace Rtsp
        {
            public class RtspListener { public void SendMessage(Rtsp.Messages.RtspMessage message) { } }
        }
        """;

    public const string LumiSoft = """
        #nullable disable
        namespace LumiSoft.Net.SIP.Stack
        {
            public class SIP_ResponseCodes
            {
                public static readonly string x100_Trying = "100 Trying";
                public static readonly string x180_Ringing = "180 Ringing";
                public static readonly string x200_Ok = "200 OK";
                public static readonly string x401_Unauthorized = "401 Unauthorized";
                public static readonly string x405_Method_Not_Allowed = "405 Method Not Allowed";
                public static readonly string x481_Call_Transaction_Does_Not_Exist = "481 Call/Transaction Does Not Exist";
                public static readonly string x487_Request_Terminated = "487 Request Terminated";
                public static readonly string x500_Server_Internal_Error = "500 Server Internal Error";
                public static readonly string x501_Not_Implemented = "501 Not Implemented";
            }
            public class SIP_Methods
            {
                public const string ACK = "ACK"; public const string BYE = "BYE"; public const string CANCEL = "CANCEL"; public const string INVITE = "INVITE";
                public const string OPTIONS = "OPTIONS"; public const string REGISTER = "REGISTER";
            }
            public class SIP_RequestLine { public string Method { get; set; } = ""; }
            public class SIP_Request { public SIP_RequestLine RequestLine { get; } = new SIP_RequestLine(); }
            public class SIP_Response
            {
                public int StatusCode { get; set; }
                public string ReasonPhrase { get; set; } = "";
                public string StatusCode_ReasonPhrase { get; set; } = "";
            }
            public class SIP_ServerTransaction { public void SendResponse(SIP_Response response) { } }
            public class SIP_Stack
            {
                public SIP_Response CreateResponse(string statusCode_reasonText, SIP_Request request) => new SIP_Response();
            }
            public class SIP_RequestReceivedEventArgs : System.EventArgs
            {
                public SIP_Request Request { get; } = new SIP_Request();
                public SIP_ServerTransaction ServerTransaction { get; } = new SIP_ServerTransaction();
            }
        }
        """;
}
