using System;
using Nooks.Api;
using Nooks.Extensions;
using Nooks.Isolation;
using Nooks.Isolation.Generated;
using Nooks.Kernel.Console;
using Nooks.Kernel.Elf;
using Nooks.Kernel.Memory;

namespace Nooks.Loader
{
    // Maps an extension image into the extension area, applies its relocations, binds its
    // imports by name (to the kernel in native mode, to the checking wrappers in isolated mode),
    // runs its startup and init. The same binary loads either way.
    public static unsafe class ExtensionLoader
    {
        // Returns null on success, or why the extension could not be loaded.
        public static string Load(Extension ext)
        {
            var elf = new ElfSharedObject(new ReadOnlySpan<byte>((void*)ext.ModuleAddress, (int)ext.ModuleLength));
            if (!elf.IsValid) return $"bad image: {elf.Error}";

            if (ext.IsIsolated)
            {
                ext.Domain = Gate.CreateDomain(ext);
                if (ext.Domain == null) return "too many protection domains";
            }

            var image = new ExtensionImage { Size = elf.ImageSize };
            image.Base = ExtensionArea.Reserve(elf.ImageSize);
            ext.Image = image;
            if (!ExtensionMemory.MapFresh(ext, image.Base, image.Pages, PageFlags.KernelData)) return "out of memory for the image";

            for (int i = 0; i < elf.SegmentCount; i++)
            {
                ElfSegment s = elf.Segment(i);
                ReadOnlySpan<byte> bytes = elf.FileBytes(s.FileOffset, s.FileSize);
                byte* dst = (byte*)(image.Base + s.VirtualAddress);
                for (int b = 0; b < bytes.Length; b++) dst[b] = bytes[b];
            }

            string error = Relocate(ref elf, ext);
            if (error != null) return error;

            for (int i = 0; i < elf.SegmentCount; i++)
            {
                ElfSegment s = elf.Segment(i);
                ulong first = PageSize.AlignDown(image.Base + s.VirtualAddress);
                ulong end = PageSize.AlignUp(image.Base + s.VirtualAddress + s.MemorySize);
                PageFlags flags = s.Executable ? PageFlags.KernelCode : s.Writable ? PageFlags.KernelData : PageFlags.KernelReadOnly;
                ExtensionMemory.Protect(ext, first, (end - first) / PageSize.Small, flags);
                if (s.Executable) { image.TextStart = first; image.TextEnd = end; }
            }

            image.Startup = Export(ref elf, image, "nx_startup");
            image.Init = Export(ref elf, image, "nx_init");
            image.Exit = Export(ref elf, image, "nx_exit");
            if (image.Startup == 0 || image.Init == 0) return "image does not export nx_startup and nx_init (not built with the extension runtime?)";
            image.ReadyToRunHeader = *(ulong*)(image.Base + elf.ModulesSectionAddress);
            if (!image.Contains(image.ReadyToRunHeader)) return "ReadyToRun header pointer lies outside the image";

            if (ext.IsIsolated) ext.Domain.CreateStacks();
            ext.Mailbox = ExtensionArea.Reserve(PageSize.Small);
            if (!ExtensionMemory.MapFresh(ext, ext.Mailbox, 1, PageFlags.KernelData)) return "out of memory for the mailbox";

            ext.State = ExtensionState.Loading;
            // Entry points return a C int: only the low half of RAX is theirs.
            long status = (int)Gate.Call(ext, image.Startup, (long)image.ReadyToRunHeader);
            if (status != ApiStatus.Ok) return $"startup failed ({Describe(status)})";
            status = (int)Gate.Call(ext, image.Init);
            if (status != ApiStatus.Ok) return $"init failed ({Describe(status)})";
            ext.State = ExtensionState.Running;
            Services.KernelServices.AfterInit(ext);
            return null;
        }

        // The address of an extension's exported function, or 0 if it exports no such name.
        public static ulong FindExport(Extension ext, string name)
        {
            if (ext.Image == null) return 0;
            var elf = new ElfSharedObject(new ReadOnlySpan<byte>((void*)ext.ModuleAddress, (int)ext.ModuleLength));
            return elf.IsValid ? Export(ref elf, ext.Image, name) : 0;
        }

        private static string Describe(long status) =>
            status == ApiStatus.ExtensionFailed ? "the extension faulted" : $"status {status}";

        private static ulong Export(ref ElfSharedObject elf, ExtensionImage image, string name)
        {
            ulong offset = elf.FindExport(name);
            return offset == ulong.MaxValue || offset >= image.Size ? 0 : image.Base + offset;
        }

        private static string Relocate(ref ElfSharedObject elf, Extension ext)
        {
            ulong b = ext.Image.Base;
            for (int i = 0; i < elf.RelocationCount; i++)
            {
                Relocation r = elf.GetRelocation(i);
                ulong* target = (ulong*)(b + r.Offset);
                switch (r.Type)
                {
                    case Elf.RX86_64_None:
                        break;
                    case Elf.RX86_64_Relative:
                        *target = b + (ulong)r.Addend;
                        break;
                    default:
                        ulong symbol = ResolveSymbol(ref elf, ext, r.Symbol, out string error);
                        if (error != null) return error;
                        *target = r.Type == Elf.RX86_64_64 ? symbol + (ulong)r.Addend : symbol;
                        break;
                }
            }
            return null;
        }

        private static ulong ResolveSymbol(ref ElfSharedObject elf, Extension ext, uint index, out string error)
        {
            error = null;
            if (elf.SymbolIsDefined(index)) return ext.Image.Base + elf.SymbolValue(index);
            ReadOnlySpan<byte> name = elf.SymbolName(index);
            int call = KernelApiTable.IndexOf(name);
            if (call < 0)
            {
                error = $"imports '{Ascii(name)}', which this kernel does not provide (API version {KernelApiTable.Version})";
                return 0;
            }
            if (!ext.IsIsolated) return KernelApiTable.NativeAddress(call);
            ulong queued = KernelApiTable.DomainQueueAddress(call);
            return queued != 0 ? queued : XpcGate.WrappedCallEntry(call);
        }

        private static string Ascii(ReadOnlySpan<byte> bytes)
        {
            Span<char> chars = stackalloc char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }
    }
}
