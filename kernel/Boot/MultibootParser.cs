using System;

namespace Nooks.Kernel.Boot
{
    // Reads Multiboot 1 (qemu -kernel) and Multiboot 2 (GRUB) information. It works on a byte
    // span so that it runs unchanged in the host tests; `readPhysical` turns an address found in
    // the structure into the bytes there (identity-mapped in the kernel, an array on the host).
    public static unsafe class MultibootParser
    {
        public const uint Multiboot1Magic = 0x2BADB002;
        public const uint Multiboot2Magic = 0x36D76289;

        private const uint Mb1FlagMemory = 1 << 0;
        private const uint Mb1FlagCommandLine = 1 << 2;
        private const uint Mb1FlagModules = 1 << 3;
        private const uint Mb1FlagMemoryMap = 1 << 6;
        private const uint Mb1FlagLoaderName = 1 << 9;
        private const int Mb1InfoSize = 88;
        private const int Mb1ModuleSize = 16;

        private const uint Mb2TagEnd = 0, Mb2TagCommandLine = 1, Mb2TagLoaderName = 2, Mb2TagModule = 3;
        private const uint Mb2TagMemoryMap = 6;
        private const int Mb2TagHeaderSize = 8;
        private const int Mb2MaxInfoSize = 64 * 1024;

        public static BootInfo Parse(uint magic, ulong infoAddress, delegate*<ulong, int, ReadOnlySpan<byte>> readPhysical)
        {
            var info = new BootInfo();
            if (infoAddress == 0) { info.Error = "no boot information structure"; return info; }
            if (magic == Multiboot1Magic) ParseMultiboot1(readPhysical(infoAddress, Mb1InfoSize), readPhysical, info);
            else if (magic == Multiboot2Magic)
            {
                uint total = U32(readPhysical(infoAddress, 8), 0);
                if (total < 8 || total > Mb2MaxInfoSize) info.Error = "Multiboot2 information has a bad size";
                else ParseMultiboot2(readPhysical(infoAddress, (int)total), info);
            }
            else info.Error = "not started by a Multiboot loader (bad magic)";
            return info;
        }

        private static void ParseMultiboot1(ReadOnlySpan<byte> mbi, delegate*<ulong, int, ReadOnlySpan<byte>> read, BootInfo info)
        {
            uint flags = U32(mbi, 0);
            info.Loader = (flags & Mb1FlagLoaderName) != 0 ? ReadCString(read, U32(mbi, 64)) : "multiboot";
            if ((flags & Mb1FlagCommandLine) != 0) info.CommandLine = ReadCString(read, U32(mbi, 16));
            if ((flags & Mb1FlagMemoryMap) != 0)
            {
                uint length = U32(mbi, 44), address = U32(mbi, 48);
                ReadOnlySpan<byte> map = read(address, (int)length);
                // Each entry is preceded by its own size, which does not count the size field.
                for (int offset = 0; offset + 24 <= map.Length; offset += (int)U32(map, offset) + 4)
                    info.AddRegion(U64(map, offset + 4), U64(map, offset + 12), Kind(U32(map, offset + 20)));
            }
            else if ((flags & Mb1FlagMemory) != 0)
            {
                info.AddRegion(0, (ulong)U32(mbi, 4) * 1024, MemoryKind.Usable);
                info.AddRegion(0x100000, (ulong)U32(mbi, 8) * 1024, MemoryKind.Usable);
            }
            if ((flags & Mb1FlagModules) != 0)
            {
                uint count = U32(mbi, 20), address = U32(mbi, 24);
                if (count > BootInfo.MaxModules) count = BootInfo.MaxModules;
                ReadOnlySpan<byte> mods = read(address, (int)count * Mb1ModuleSize);
                for (int i = 0; i < count; i++)
                {
                    int o = i * Mb1ModuleSize;
                    info.AddModule(U32(mods, o), U32(mods, o + 4), ReadCString(read, U32(mods, o + 8)));
                }
            }
        }

        private static void ParseMultiboot2(ReadOnlySpan<byte> mbi, BootInfo info)
        {
            info.Loader = "multiboot2";
            int offset = 8;
            while (offset + Mb2TagHeaderSize <= mbi.Length)
            {
                uint type = U32(mbi, offset), size = U32(mbi, offset + 4);
                if (type == Mb2TagEnd) return;
                if (size < Mb2TagHeaderSize || offset + size > mbi.Length) { info.Error = "Multiboot2 tag overruns the information"; return; }
                ReadOnlySpan<byte> tag = mbi.Slice(offset, (int)size);
                switch (type)
                {
                    case Mb2TagCommandLine: info.CommandLine = CString(tag.Slice(8)); break;
                    case Mb2TagLoaderName: info.Loader = CString(tag.Slice(8)); break;
                    case Mb2TagModule: info.AddModule(U32(tag, 8), U32(tag, 12), CString(tag.Slice(16))); break;
                    case Mb2TagMemoryMap:
                        uint entrySize = U32(tag, 8);
                        if (entrySize < 24) { info.Error = "Multiboot2 memory map entries are too small"; return; }
                        for (int e = 16; e + entrySize <= tag.Length; e += (int)entrySize)
                            info.AddRegion(U64(tag, e), U64(tag, e + 8), Kind(U32(tag, e + 16)));
                        break;
                }
                offset += (int)((size + 7) & ~7u);
            }
        }

        private static MemoryKind Kind(uint type) => type >= 1 && type <= 5 ? (MemoryKind)type : MemoryKind.Reserved;

        private const int MaxStringLength = 256;

        private static string ReadCString(delegate*<ulong, int, ReadOnlySpan<byte>> read, uint address) =>
            address == 0 ? "" : CString(read(address, MaxStringLength));

        private static string CString(ReadOnlySpan<byte> bytes)
        {
            int n = 0;
            while (n < bytes.Length && bytes[n] != 0) n++;
            Span<char> chars = n <= MaxStringLength ? stackalloc char[n] : new char[n];
            for (int i = 0; i < n; i++) chars[i] = (char)bytes[i];
            return new string(chars);
        }

        public static uint U32(ReadOnlySpan<byte> b, int o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        public static ulong U64(ReadOnlySpan<byte> b, int o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;
    }
}
