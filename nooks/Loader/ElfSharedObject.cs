#nullable disable
using System;
using Nooks.Kernel.Elf;

namespace Nooks.Loader
{
    public struct Relocation
    {
        public ulong Offset;
        public uint Type;
        public uint Symbol;
        public long Addend;
    }

    // A validated view of an extension image: a position-independent ELF64 shared object for
    // x86-64 whose only relocations are RELATIVE, 64, GLOB_DAT and JUMP_SLOT. The header and
    // loadable segments are checked by the kernel's ElfValidator, as ring-3 programs are; the
    // dynamic section, symbols, relocations and sections here. Every offset and count is checked
    // against the file before use, so a malformed image is an error message, never a fault.
    // Works on a span so the host tests run it unchanged.
    public ref struct ElfSharedObject
    {
        public const int MaxSegments = 8;
        private const ulong MaxImageSize = 64 * 1024 * 1024;

        private readonly ReadOnlySpan<byte> file;
        public string Error;
        public int SegmentCount;
        private ElfSegment s0, s1, s2, s3, s4, s5, s6, s7;
        public ulong ImageSize;
        private ulong symtab, strtab, strsz, rela, relasz, jmprel, pltrelsz, symbolCount;
        public ulong ModulesSectionAddress, ModulesSectionSize;

        public ElfSharedObject(ReadOnlySpan<byte> image)
        {
            file = image;
            Error = null;
            SegmentCount = 0;
            s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = default;
            ImageSize = symtab = strtab = strsz = rela = relasz = jmprel = pltrelsz = symbolCount = 0;
            ModulesSectionAddress = ModulesSectionSize = 0;
            Error = Validate();
        }

        public bool IsValid => Error == null;

        public ElfSegment Segment(int i) => i switch
        {
            0 => s0, 1 => s1, 2 => s2, 3 => s3, 4 => s4, 5 => s5, 6 => s6, _ => s7,
        };

        private void SetSegment(int i, ElfSegment s)
        {
            switch (i)
            {
                case 0: s0 = s; break; case 1: s1 = s; break; case 2: s2 = s; break; case 3: s3 = s; break;
                case 4: s4 = s; break; case 5: s5 = s; break; case 6: s6 = s; break; default: s7 = s; break;
            }
        }

        public int RelocationCount => (int)(relasz / Elf.RelaSize + pltrelsz / Elf.RelaSize);
        public int SymbolCount => (int)symbolCount;

        private string Validate()
        {
            string error = ElfValidator.Validate(file, MaxSegments, MaxImageSize, out ElfHeader header, out ImageSize);
            if (error != null) return error;

            ulong dynOffset = 0, dynSize = 0;
            for (int i = 0; i < header.ProgramHeaderCount; i++)
            {
                ElfSegment s = ElfValidator.ProgramHeader(file, header, i);
                if (s.Type == ElfFormat.PtDynamic) { dynOffset = s.FileOffset; dynSize = s.FileSize; }
                else if (s.Type == ElfFormat.PtLoad) SetSegment(SegmentCount++, s);
            }
            if (dynSize == 0 || !InFile(dynOffset, dynSize)) return "no dynamic section";

            string dynamicError = ReadDynamic(dynOffset, dynSize);
            if (dynamicError != null) return dynamicError;
            return FindModulesSection();
        }

        private string ReadDynamic(ulong offset, ulong size)
        {
            ulong hash = 0, relaent = Elf.RelaSize, syment = Elf.SymbolSize, pltrel = 7;
            for (ulong d = offset; d + Elf.DynamicEntrySize <= offset + size; d += Elf.DynamicEntrySize)
            {
                long tag = (long)U64((int)d);
                ulong value = U64((int)d + 8);
                if (tag == Elf.DtNull) break;
                switch (tag)
                {
                    case Elf.DtHash: hash = value; break;
                    case Elf.DtStrtab: strtab = value; break;
                    case Elf.DtSymtab: symtab = value; break;
                    case Elf.DtRela: rela = value; break;
                    case Elf.DtRelasz: relasz = value; break;
                    case Elf.DtRelaent: relaent = value; break;
                    case Elf.DtStrsz: strsz = value; break;
                    case Elf.DtSyment: syment = value; break;
                    case Elf.DtJmprel: jmprel = value; break;
                    case Elf.DtPltrelsz: pltrelsz = value; break;
                    case Elf.DtPltrel: pltrel = value; break;
                    case Elf.DtTextrel: return "image needs text relocations";
                }
            }
            if (relaent != Elf.RelaSize || syment != Elf.SymbolSize) return "unexpected relocation or symbol entry size";
            if (pltrelsz != 0 && pltrel != 7) return "PLT relocations are not RELA";
            if (symtab == 0 || strtab == 0 || hash == 0) return "missing symbol table, string table or hash table";
            // Addresses in the dynamic section are virtual: turn them into file offsets.
            hash = ToFileOffset(hash);
            symtab = ToFileOffset(symtab);
            strtab = ToFileOffset(strtab);
            if (relasz != 0) rela = ToFileOffset(rela);
            if (pltrelsz != 0) jmprel = ToFileOffset(jmprel);
            if (!InFile(hash, 8)) return "hash table lies outside the image";
            symbolCount = U32((int)hash + 4);   // nchain = number of symbols
            if (!InFile(symtab, symbolCount * Elf.SymbolSize)) return "symbol table lies outside the image";
            if (!InFile(strtab, strsz)) return "string table lies outside the image";
            if (relasz % Elf.RelaSize != 0 || pltrelsz % Elf.RelaSize != 0) return "relocation table size is not a whole number of entries";
            if ((relasz != 0 && !InFile(rela, relasz)) || (pltrelsz != 0 && !InFile(jmprel, pltrelsz)))
                return "relocation table lies outside the image";
            for (int i = 0; i < RelocationCount; i++)
            {
                Relocation r = GetRelocation(i);
                if (r.Offset + 8 > ImageSize || r.Offset + 8 < r.Offset) return "a relocation patches outside the image";
                if (r.Symbol >= symbolCount) return "a relocation names a symbol that does not exist";
                if (r.Type != Elf.RX86_64_Relative && r.Type != Elf.RX86_64_64 && r.Type != Elf.RX86_64_GlobDat
                    && r.Type != Elf.RX86_64_JumpSlot && r.Type != Elf.RX86_64_None)
                    return "unsupported relocation type";
            }
            return null;
        }

        // The __modules section holds the pointer to the image's ReadyToRun header.
        private string FindModulesSection()
        {
            ulong shoff = U64(40);
            int shentsize = U16(58), shnum = U16(60), shstrndx = U16(62);
            if (shnum == 0) return "no section headers (needed to find the ReadyToRun header)";
            if (shentsize != Elf.SectionHeaderSize || !InFile(shoff, (ulong)shnum * Elf.SectionHeaderSize) || shstrndx >= shnum)
                return "section headers lie outside the image";
            int names = (int)shoff + shstrndx * Elf.SectionHeaderSize;
            ulong namesOffset = U64(names + 24), namesSize = U64(names + 32);
            if (!InFile(namesOffset, namesSize)) return "section names lie outside the image";
            for (int i = 0; i < shnum; i++)
            {
                int sh = (int)shoff + i * Elf.SectionHeaderSize;
                uint nameIndex = U32(sh);
                if (nameIndex >= namesSize) continue;
                if (!NameEquals(namesOffset + nameIndex, namesOffset + namesSize, "__modules")) continue;
                ModulesSectionAddress = U64(sh + 16);
                ModulesSectionSize = U64(sh + 32);
                if (ModulesSectionSize < 8 || ModulesSectionAddress + 8 > ImageSize) return "__modules section is malformed";
                return null;
            }
            return "no __modules section (not a NativeAOT image?)";
        }

        private bool NameEquals(ulong at, ulong limit, string name)
        {
            for (int i = 0; i < name.Length; i++)
                if (at + (ulong)i >= limit || file[(int)at + i] != name[i]) return false;
            return at + (ulong)name.Length < limit && file[(int)at + name.Length] == 0;
        }

        public Relocation GetRelocation(int index)
        {
            int count = (int)(relasz / Elf.RelaSize);
            int at = index < count ? (int)rela + index * Elf.RelaSize : (int)jmprel + (index - count) * Elf.RelaSize;
            ulong info = U64(at + 8);
            return new Relocation { Offset = U64(at), Type = (uint)info, Symbol = (uint)(info >> 32), Addend = (long)U64(at + 16) };
        }

        public bool SymbolIsDefined(uint index) => U16((int)symtab + (int)index * Elf.SymbolSize + 6) != Elf.ShnUndef;
        public ulong SymbolValue(uint index) => U64((int)symtab + (int)index * Elf.SymbolSize + 8);

        // The symbol's name as bytes (no terminator); empty if it runs off the string table.
        public ReadOnlySpan<byte> SymbolName(uint index)
        {
            uint nameOffset = U32((int)symtab + (int)index * Elf.SymbolSize);
            if (nameOffset >= strsz) return default;
            ReadOnlySpan<byte> rest = file.Slice((int)(strtab + nameOffset), (int)(strsz - nameOffset));
            int n = 0;
            while (n < rest.Length && rest[n] != 0) n++;
            return n < rest.Length ? rest.Slice(0, n) : default;
        }

        // Finds a defined symbol by name; returns its image-relative address or ulong.MaxValue.
        public ulong FindExport(string name)
        {
            for (uint i = 1; i < symbolCount; i++)
            {
                if (!SymbolIsDefined(i)) continue;
                ReadOnlySpan<byte> n = SymbolName(i);
                if (n.Length != name.Length) continue;
                bool same = true;
                for (int c = 0; c < n.Length && same; c++) same = n[c] == name[c];
                if (same) return SymbolValue(i);
            }
            return ulong.MaxValue;
        }

        public ReadOnlySpan<byte> FileBytes(ulong offset, ulong length) => file.Slice((int)offset, (int)length);

        // ulong.MaxValue (which no InFile check accepts) when no segment holds the address.
        private ulong ToFileOffset(ulong virtualAddress)
        {
            for (int i = 0; i < SegmentCount; i++)
            {
                ElfSegment s = Segment(i);
                if (virtualAddress >= s.VirtualAddress && virtualAddress < s.VirtualAddress + s.FileSize)
                    return virtualAddress - s.VirtualAddress + s.FileOffset;
            }
            return ulong.MaxValue;
        }

        private bool InFile(ulong offset, ulong length) => ElfFormat.InFile(file, offset, length);

        private ushort U16(int o) => ElfFormat.U16(file, o);
        private uint U32(int o) => ElfFormat.U32(file, o);
        private ulong U64(int o) => ElfFormat.U64(file, o);
    }
}
