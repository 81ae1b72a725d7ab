using System;
using System.Collections.Immutable;
using Codebook.Analysis.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Codebook.Analysis
{
    /// <summary>
    /// Checks every constant status code in the user's code against the catalogue: the rules CB1001-CB1007 (one
    /// file each under Rules/). The catalogue and the generated types are resolved once per compilation; a
    /// compilation without any generated status type gets no per-operation work at all.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StatusCodeUsageAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            MethodRule.Descriptor,
            RoleRule.Descriptor,
            NoResponseRule.Descriptor,
            UndefinedCodeRule.Descriptor,
            DeprecatedCodeRule.Descriptor,
            NumericLiteralRule.Descriptor,
            HeaderRule.Descriptor,
            ContentRule.Descriptor);

        // Built once: every block registers with them.
        private static readonly ImmutableArray<OperationKind> CodeKinds = ImmutableArray.Create(OperationKind.FieldReference, OperationKind.Conversion);
        private static readonly ImmutableArray<OperationKind> LiteralKind = ImmutableArray.Create(OperationKind.Literal);
        private static readonly ImmutableArray<OperationKind> InvocationKind = ImmutableArray.Create(OperationKind.Invocation);

        public override void Initialize(AnalysisContext context)
        {
            // Generated code is skipped here, per member body (see GeneratedCode), not by Roslyn per diagnostic.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var catalogue = CatalogueSnapshot.Get(start.Options, start.Compilation, start.CancellationToken);
                var compilation = start.Compilation;
                // Resolved on the first block rather than here: by then the compiler has built its declarations,
                // which a lookup made now would have to build first.
                var resolved = new Lazy<CodebookSymbols?>(() => CodebookSymbols.Resolve(compilation, catalogue));
                var generated = new GeneratedCode(compilation);
                var callSites = new CallSites(compilation);
                start.RegisterOperationBlockStartAction(block =>
                {
                    if (resolved.Value is not { } symbols)
                    {
                        return; // no generated status type: nothing to look at, operation by operation
                    }
                    if (block.IsGeneratedCode)
                    {
                        return; // Roslyn's verdict, free when it has one: generated files (Codebook's own lookups) get no callbacks
                    }
                    // Kept cheap: most blocks hold no status code, so the block's cache, and whether it is generated
                    // code Roslyn did not tell (see GeneratedCode), are only worked out when its first code turns up.
                    var cache = new BlockCache(generated, block.OwningSymbol, callSites);
                    block.RegisterOperationAction(operation => Analyze(operation, symbols, cache), CodeKinds);
                    if (symbols.HasSinks)
                    {
                        // Numbers and status lines given to an existing stack's status property or parameter (interop status-members).
                        block.RegisterOperationAction(operation => AnalyzeSinkValue(operation, symbols, cache), LiteralKind);
                    }
                    if (symbols.HasImpliedCodes)
                    {
                        // Helpers that send a code of their own: Results.NoContent(), ControllerBase.Unauthorized().
                        block.RegisterOperationAction(operation => AnalyzeImplied(operation, symbols, cache), InvocationKind);
                    }
                });
            });
        }

        private static void Analyze(OperationAnalysisContext context, CodebookSymbols symbols, BlockCache cache)
        {
            StatusCodeSite site;
            switch (context.Operation)
            {
                case IFieldReferenceOperation { Field: { HasConstantValue: true } field } reference
                    when symbols.ForStatusField(field) is var (protocol, value):
                    if (cache.IsGenerated(context))
                    {
                        return;
                    }
                    site = new StatusCodeSite(context, cache, protocol, reference, value);
                    if (!field.ContainingType.Equals(protocol.StatusType, SymbolEqualityComparer.Default) && site.IsSent())
                    {
                        // A foreign enum member whose value the catalogue lacks (a stack's wrong or private code).
                        UndefinedCodeRule.Check(site);
                    }
                    break;
                case IConversionOperation conversion
                    when symbols.ForStatusType(conversion.Type) is { } protocol
                         && conversion.Operand.ConstantValue.HasValue
                         && conversion.Operand.Type is { TypeKind: not TypeKind.Enum }
                         && CodebookSymbols.AsCode(conversion.Operand.ConstantValue.Value) is { } number:
                    if (cache.IsGenerated(context))
                    {
                        return;
                    }
                    site = new StatusCodeSite(context, cache, protocol, conversion, number);
                    if (conversion.IsImplicit && conversion.Syntax is not CastExpressionSyntax)
                    {
                        // `code == 0`, `SipStatusCode c = 0`: the language's zero, not a written code. A cast to
                        // the nullable, `(SipStatusCode?)487`, is written but Roslyn marks both its steps implicit.
                        return;
                    }
                    NumericLiteralRule.Check(site, conversion.Type);
                    UndefinedCodeRule.Check(site);
                    break;
                case IFieldReferenceOperation when symbols.HasSinks:
                    // StatusCodes.Status405MethodNotAllowed, SIP_ResponseCodes.x487_Request_Terminated given to a status member
                    AnalyzeSinkValue(context, symbols, cache);
                    return;
                default:
                    return;
            }

            CheckSent(site);
        }

        /// <summary>
        /// A number or status line that flows into an interop status member: <c>response.StatusCode = 487</c>,
        /// <c>Results.StatusCode(StatusCodes.Status405MethodNotAllowed)</c>, <c>CreateResponse("487 Request Terminated", request)</c>.
        /// </summary>
        private static void AnalyzeSinkValue(OperationAnalysisContext context, CodebookSymbols symbols, BlockCache cache)
        {
            var operation = context.Operation;
            var constant = operation.ConstantValue;
            if (constant.HasValue ? constant.Value is not (int or string) : operation is not IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String } })
            {
                return;
            }
            if (constant.Value is string text && ProtocolSymbols.CodeInText(text) is null)
            {
                return; // not a status line: no need to find where it goes
            }
            var target = StatusCodeSite.FlowTarget(operation, out var flowed) switch
            {
                ISimpleAssignmentOperation assignment when assignment.Value == flowed => (assignment.Target as IMemberReferenceOperation)?.Member,
                IArgumentOperation argument => argument.Parameter,
                _ => null,
            };
            if (symbols.ForSink(target) is not { } protocol)
            {
                return;
            }
            var value = constant.Value switch
            {
                int number => number,
                string line => ProtocolSymbols.CodeInText(line),
                _ => protocol.CodeOfReadonlyString(((IFieldReferenceOperation)operation).Field),
            };
            if (value is not { } code || cache.IsGenerated(context))
            {
                return;
            }
            var site = new StatusCodeSite(context, cache, protocol, operation, code) { ViaSink = true };
            if (operation is ILiteralOperation && constant.Value is int)
            {
                NumericLiteralRule.Check(site, null); // a constant already has a name
            }
            UndefinedCodeRule.Check(site);
            CheckSent(site);
        }

        /// <summary>A call of a helper whose code is implied (interop implied-codes): it sends that code, wherever its result goes.</summary>
        private static void AnalyzeImplied(OperationAnalysisContext context, CodebookSymbols symbols, BlockCache cache)
        {
            if (context.Operation is not IInvocationOperation invocation || symbols.ForImplied(invocation.TargetMethod) is not var (protocol, code) || cache.IsGenerated(context))
            {
                return;
            }
            CheckSent(new StatusCodeSite(context, cache, protocol, invocation, code, implied: true) { ViaSink = true });
        }

        private static void CheckSent(StatusCodeSite site)
        {
            if (!site.IsSent() || site.IsPlaceholder() || !site.Protocol.Codes.ContainsKey(site.Value))
            {
                return;
            }
            DeprecatedCodeRule.Check(site);
            var methods = site.MethodContext();
            if (methods.IsKnown)
            {
                NoResponseRule.Check(site, methods);
                MethodRule.Check(site, methods);
            }
            var roles = site.RoleContext();
            if (roles.IsKnown)
            {
                RoleRule.Check(site, roles);
            }
            HeaderRule.Check(site);
            ContentRule.Check(site);
        }
    }
}
