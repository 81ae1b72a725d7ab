using Codebook.Sip;
using SipEdge;
using SipEdge.Proxy;
using SipEdge.Registrar;

var registrar = new Registrar();
var proxy = new ForwardingProxy();

System.Console.WriteLine(registrar.Register(new SipRequest(SipMethod.Register, "sip:edge.example", Expires: 30, HasCredentials: true)));
System.Console.WriteLine(registrar.Register(new SipRequest(SipMethod.Register, "sip:edge.example", HasCredentials: true)));
System.Console.WriteLine(proxy.Handle(new SipRequest(SipMethod.Invite, "sip:bob@edge.example")));
System.Console.WriteLine(proxy.Handle(new SipRequest(SipMethod.Cancel, "sip:bob@edge.example", HasCredentials: true, MatchesTransaction: false)));
System.Console.WriteLine(proxy.Cancelled());
