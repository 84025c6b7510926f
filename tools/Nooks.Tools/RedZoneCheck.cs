using Iced.Intel;

namespace Nooks.Tools;

public sealed record RedZoneFinding(ulong Address, string Function, string Instruction)
{
    public override string ToString() => $"0x{Address:x}  {Function}: {Instruction}";
}

// The kernel takes interrupts on the interrupted stack, so anything kept below RSP (the SysV red
// zone) can be overwritten at any instruction. ILC cannot be told to avoid it, so every image's
// 64-bit code is disassembled and any memory operand at a negative offset from RSP is reported.
public static class RedZoneCheck
{
    private const int LongMode = 64;

    // ILC emits __managedcode; hand-written assembly goes to .text. .boot32 is 32-bit code that
    // runs before interrupts exist, so it is left out (and would not decode as 64-bit anyway).
    public static bool IsLongModeCode(ElfSection section) =>
        section.Name == ".text" || section.Name.StartsWith(".text.", StringComparison.Ordinal) || section.Name == "__managedcode";

    public static IReadOnlyList<RedZoneFinding> Scan(ElfImage image)
    {
        var findings = new List<RedZoneFinding>();
        foreach (var section in image.Sections.Where(IsLongModeCode))
        {
            ReadOnlyMemory<byte> code = image.Contents(section);
            var symbols = image.Symbols
                .Where(s => s.SectionIndex == section.Index && s.Value >= section.Address && s.Value < section.Address + section.Size && s.Name.Length > 0)
                .OrderBy(s => s.Value)
                .ToList();
            // Decoding restarts at every symbol, so padding or data between functions cannot
            // shift the instruction boundaries of the next function.
            var starts = symbols.Select(s => s.Value).Prepend(section.Address).Distinct().ToList();
            for (int i = 0; i < starts.Count; i++)
            {
                ulong start = starts[i], end = i + 1 < starts.Count ? starts[i + 1] : section.Address + section.Size;
                string function = symbols.LastOrDefault(s => s.Value <= start)?.Name ?? section.Name;
                var slice = code.Slice((int)(start - section.Address), (int)(end - start));
                findings.AddRange(Scan(slice.ToArray(), start, function));
            }
        }
        return findings;
    }

    public static IReadOnlyList<RedZoneFinding> Scan(byte[] code, ulong address, string function)
    {
        var findings = new List<RedZoneFinding>();
        var decoder = Decoder.Create(LongMode, new ByteArrayCodeReader(code), address);
        var formatter = new NasmFormatter();
        ulong end = address + (ulong)code.Length;
        while (decoder.IP < end)
        {
            decoder.Decode(out Instruction instruction);
            if (!BelowStackPointer(instruction)) continue;
            var text = new StringOutput();
            formatter.Format(instruction, text);
            findings.Add(new RedZoneFinding(instruction.IP, function, text.ToStringAndReset()));
        }
        return findings;
    }

    // lea counts too: a pointer below RSP is red-zone use as soon as it is dereferenced.
    private static bool BelowStackPointer(in Instruction instruction)
    {
        for (int operand = 0; operand < instruction.OpCount; operand++)
        {
            if (instruction.GetOpKind(operand) != OpKind.Memory) continue;
            if (instruction.MemoryBase is not (Register.RSP or Register.ESP)) continue;
            if (instruction.MemoryIndex != Register.None) continue;
            if ((long)instruction.MemoryDisplacement64 < 0) return true;
        }
        return false;
    }
}
