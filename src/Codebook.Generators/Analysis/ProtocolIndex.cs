using System.Collections.Generic;
using System.Linq;
using Codebook.Catalogue;

namespace Codebook.Analysis
{
    /// <summary>
    /// One protocol's catalogue entry arranged for lookups. It depends on the catalogue alone, so it is built once
    /// per catalogue (see <see cref="CatalogueSnapshot"/>) and shared by every compilation that uses it.
    /// </summary>
    internal sealed class ProtocolIndex
    {
        private readonly Dictionary<string, string> _methodsByName;

        /// <param name="typeNamespace">Where the protocol's generated types are; null for a protocol checked without them (generate: false).</param>
        /// <param name="assembly">The referenced assembly that generated them; null when this project does.</param>
        /// <param name="interop">The stack types mapped onto the protocol, from every catalogue that maps some.</param>
        public ProtocolIndex(ProtocolModel model, string? typeNamespace, string? assembly, InteropModel? interop)
        {
            Model = model;
            TypeNamespace = typeNamespace;
            Assembly = assembly;
            Interop = interop;
            Codes = model.Codes.ToDictionary(c => c.Value);
            _methodsByName = new Dictionary<string, string>(NameComparer.Instance);
            foreach (var method in model.Methods)
            {
                _methodsByName[method.Token] = method.Token;
            }
            RoleOption = $"codebook.{model.Key}.role";
            HeadersAddedElsewhereOption = $"codebook.{model.Key}.headers-added-elsewhere";
        }

        public ProtocolModel Model { get; }

        public string? TypeNamespace { get; }

        public string? Assembly { get; }

        public InteropModel? Interop { get; }

        public Dictionary<int, StatusCodeModel> Codes { get; }

        /// <summary>The .editorconfig key naming the role of a file's code: codebook.sip.role.</summary>
        public string RoleOption { get; }

        /// <summary>The .editorconfig key listing headers a pipeline adds: codebook.sip.headers-added-elsewhere.</summary>
        public string HeadersAddedElsewhereOption { get; }

        /// <summary>The catalogue's method token a name stands for, compared as <see cref="NameComparer"/> does.</summary>
        public bool TryGetMethod(string name, out string token) => _methodsByName.TryGetValue(name, out token!);
    }
}
