using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Nooks.Generator
{
    // Turns the [KernelApi] interface into the model the emitters use, and finds the mistakes
    // that would make a wrapper check the wrong thing.
    internal static class ApiReader
    {
        private const string ApiNamespace = "Nooks.Api";
        private const string ObjectKindType = "global::Nooks.Api.ObjectKind";

        public static KernelApiModel Read(INamedTypeSymbol api, AttributeData kernelApi)
        {
            var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            var calls = ImmutableArray.CreateBuilder<KernelCall>();
            var methodsBySymbol = new Dictionary<string, string>();
            int version = kernelApi.ConstructorArguments.Length == 1 && kernelApi.ConstructorArguments[0].Value is int v ? v : 0;

            foreach (var member in api.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method) continue;
                var call = ReadCall(api, method, calls.Count, methodsBySymbol, diagnostics);
                if (call is not null) calls.Add(call);
            }

            return new KernelApiModel(
                api.Name, version, LocationInfo.From(api.Locations.IsEmpty ? null : api.Locations[0]),
                calls.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static KernelCall? ReadCall(
            INamedTypeSymbol api, IMethodSymbol method, int index,
            Dictionary<string, string> methodsBySymbol, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
        {
            string where = api.Name + "." + method.Name;
            var kernelCall = Find(method.GetAttributes(), "KernelCallAttribute");
            string? symbol = kernelCall is not null && kernelCall.ConstructorArguments.Length == 1
                ? kernelCall.ConstructorArguments[0].Value as string
                : null;
            if (kernelCall is null || symbol is null || !IsCIdentifier(symbol))
            {
                diagnostics.Add(Report(GeneratorDiagnostics.BadKernelCall, method, where));
                return null;
            }
            if (methodsBySymbol.TryGetValue(symbol, out var previous))
            {
                diagnostics.Add(Report(GeneratorDiagnostics.DuplicateSymbol, kernelCall, method, where, symbol, previous));
            }
            else
            {
                methodsBySymbol.Add(symbol, where);
            }

            var result = ResultKindOf(method.ReturnType);
            if (!method.ReturnsVoid && !IsBlittable(method.ReturnType))
            {
                diagnostics.Add(Report(GeneratorDiagnostics.NonBlittableType, method, where, "result", Display(method.ReturnType)));
            }

            // The service records what it creates by its result: that needs a handle or an address.
            var createsAttribute = Find(method.GetAttributes(), "CreatesAttribute");
            if (createsAttribute is not null)
            {
                if (result is not (ResultKind.Pointer or ResultKind.SignedInteger or ResultKind.UnsignedInteger))
                {
                    diagnostics.Add(Report(GeneratorDiagnostics.AttributeDoesNotFitType, createsAttribute, method,
                        where, "Creates", "result", "a pointer or integer result", Display(method.ReturnType)));
                }
            }

            var parameters = ImmutableArray.CreateBuilder<CallParameter>();
            foreach (var parameter in method.Parameters)
            {
                parameters.Add(ReadParameter(method, parameter, where, diagnostics));
            }

            return new KernelCall(
                index, method.Name, symbol, Display(method.ReturnType), result,
                NamedFlag(kernelCall, "Deferrable"), NamedFlag(kernelCall, "MayBlock"),
                parameters.ToEquatableArray());
        }

        private static CallParameter ReadParameter(
            IMethodSymbol method, IParameterSymbol parameter, string where, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
        {
            var type = parameter.Type;
            if (parameter.RefKind != RefKind.None || !IsBlittable(type))
            {
                diagnostics.Add(Report(GeneratorDiagnostics.NonBlittableType, parameter, where, parameter.Name, Display(type)));
            }

            string? inBufferLength = null, outBufferLength = null, inStructType = null, outStructType = null, atMost = null;
            TrackedKind? handle = null;
            bool isEntryPoint = false;

            foreach (var attribute in parameter.GetAttributes())
            {
                void Misfit(string attributeName, string needs) =>
                    diagnostics.Add(Report(GeneratorDiagnostics.AttributeDoesNotFitType, attribute, parameter,
                        where, attributeName, parameter.Name, needs, Display(type)));

                switch (ApiAttributeName(attribute))
                {
                    case "InBufferAttribute":
                    case "OutBufferAttribute":
                    {
                        bool isIn = ApiAttributeName(attribute) == "InBufferAttribute";
                        string attributeName = isIn ? "InBuffer" : "OutBuffer";
                        if (type is not IPointerTypeSymbol) Misfit(attributeName, "a pointer");
                        string? length = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                        var lengthParameter = FindParameter(method, length);
                        if (lengthParameter is null || !IsInteger(lengthParameter.Type))
                        {
                            diagnostics.Add(Report(GeneratorDiagnostics.UnknownLengthParameter, attribute, parameter,
                                where, attributeName, length ?? "", parameter.Name, method.Name));
                        }
                        string lengthIdentifier = lengthParameter is null ? "" : Identifier(lengthParameter.Name);
                        if (isIn) inBufferLength = lengthIdentifier; else outBufferLength = lengthIdentifier;
                        break;
                    }
                    case "InStructAttribute":
                    case "OutStructAttribute":
                    {
                        bool isIn = ApiAttributeName(attribute) == "InStructAttribute";
                        string? pointee = null;
                        if (type is IPointerTypeSymbol { PointedAtType.SpecialType: not SpecialType.System_Void } pointer)
                        {
                            pointee = Display(pointer.PointedAtType);
                        }
                        else
                        {
                            Misfit(isIn ? "InStruct" : "OutStruct", "a pointer to a struct or primitive");
                        }
                        if (isIn) inStructType = pointee; else outStructType = pointee;
                        break;
                    }
                    case "HandleAttribute":
                        if (!IsInteger(type) && type is not IPointerTypeSymbol) Misfit("Handle", "an integer or pointer");
                        handle = KindOf(attribute);
                        break;
                    case "EntryPointAttribute":
                        if (type is not IFunctionPointerTypeSymbol) Misfit("EntryPoint", "an unmanaged function pointer");
                        isEntryPoint = true;
                        break;
                    case "AtMostAttribute":
                        if (!IsInteger(type)) Misfit("AtMost", "an integer");
                        atMost = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is long maximum
                            ? maximum.ToString(CultureInfo.InvariantCulture)
                            : "0";
                        break;
                }
            }

            return new CallParameter(
                Identifier(parameter.Name), parameter.Name, Display(type),
                inBufferLength, outBufferLength, inStructType, outStructType,
                handle, isEntryPoint, atMost);
        }

        // Only primitives, pointers, unmanaged function pointers, and enums and structs of the API
        // itself: each image has its own core library, so nothing else means the same on both sides.
        private static bool IsBlittable(ITypeSymbol type)
        {
            switch (type)
            {
                case IPointerTypeSymbol pointer:
                    return pointer.PointedAtType.SpecialType == SpecialType.System_Void || IsBlittable(pointer.PointedAtType);
                case IFunctionPointerTypeSymbol functionPointer:
                {
                    var signature = functionPointer.Signature;
                    if (signature.CallingConvention == SignatureCallingConvention.Default) return false;
                    if (!signature.ReturnsVoid && !IsBlittable(signature.ReturnType)) return false;
                    foreach (var parameter in signature.Parameters)
                    {
                        if (parameter.RefKind != RefKind.None || !IsBlittable(parameter.Type)) return false;
                    }
                    return true;
                }
                case INamedTypeSymbol named when named.TypeKind is TypeKind.Enum or TypeKind.Struct && named.SpecialType == SpecialType.None:
                    return named.IsUnmanagedType && named.ContainingNamespace?.ToDisplayString() == ApiNamespace;
                default:
                    return IsInteger(type) || type.SpecialType is SpecialType.System_Single or SpecialType.System_Double;
            }
        }

        private static ResultKind ResultKindOf(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Void) return ResultKind.Void;
            if (type is IPointerTypeSymbol or IFunctionPointerTypeSymbol) return ResultKind.Pointer;
            switch (type.SpecialType)
            {
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_IntPtr:
                    return ResultKind.SignedInteger;
                case SpecialType.System_Byte:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_UIntPtr:
                    return ResultKind.UnsignedInteger;
                default:
                    return ResultKind.Other;
            }
        }

        private static bool IsInteger(ITypeSymbol type) =>
            ResultKindOf(type) is ResultKind.SignedInteger or ResultKind.UnsignedInteger;

        private static TrackedKind KindOf(AttributeData attribute)
        {
            var argument = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0] : default;
            if (argument.Type is INamedTypeSymbol kindType)
            {
                foreach (var member in kindType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, argument.Value))
                    {
                        return new TrackedKind(ObjectKindType + "." + field.Name, field.Name);
                    }
                }
            }
            string number = System.Convert.ToString(argument.Value, CultureInfo.InvariantCulture) ?? "0";
            return new TrackedKind("(" + ObjectKindType + ")" + number, "kind " + number);
        }

        private static IParameterSymbol? FindParameter(IMethodSymbol method, string? name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name) return parameter;
            }
            return null;
        }

        private static AttributeData? Find(ImmutableArray<AttributeData> attributes, string name)
        {
            foreach (var attribute in attributes)
            {
                if (ApiAttributeName(attribute) == name) return attribute;
            }
            return null;
        }

        private static string? ApiAttributeName(AttributeData attribute) =>
            attribute.AttributeClass is { } type && type.ContainingNamespace?.ToDisplayString() == ApiNamespace ? type.Name : null;

        private static bool NamedFlag(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is bool flag) return flag;
            }
            return false;
        }

        // The loader matches symbols byte for byte against ELF string tables.
        private static bool IsCIdentifier(string symbol)
        {
            if (symbol.Length == 0 || (symbol[0] >= '0' && symbol[0] <= '9')) return false;
            foreach (char c in symbol)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (!ok) return false;
            }
            return true;
        }

        private static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        private static DiagnosticInfo Report(DiagnosticDescriptor descriptor, ISymbol symbol, params string[] arguments) =>
            new DiagnosticInfo(descriptor, LocationInfo.From(symbol.Locations.IsEmpty ? null : symbol.Locations[0]),
                new EquatableArray<string>(ImmutableArray.Create(arguments)));

        // At the attribute when it has source, so the squiggle lands on the mistake itself.
        private static DiagnosticInfo Report(DiagnosticDescriptor descriptor, AttributeData attribute, ISymbol owner, params string[] arguments)
        {
            var syntax = attribute.ApplicationSyntaxReference;
            var location = syntax is null ? null : Location.Create(syntax.SyntaxTree, syntax.Span);
            return new DiagnosticInfo(descriptor, LocationInfo.From(location ?? (owner.Locations.IsEmpty ? null : owner.Locations[0])),
                new EquatableArray<string>(ImmutableArray.Create(arguments)));
        }
    }
}
