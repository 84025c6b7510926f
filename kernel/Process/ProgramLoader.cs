using System;
using Nooks.Kernel.Elf;
using Nooks.Kernel.Memory;

namespace Nooks.Kernel.Processes
{
    // A program ready to run: its address space and where to start it.
    public struct LoadedProgram
    {
        public AddressSpace Space;
        public ulong Entry;
        public ulong StackPointer;
        public ulong ArgumentAddress;
        public int ArgumentLength;
        public string Error;
    }

    // Builds a process's address space from a validated ELF image: segments at
    // UserLayout.ImageBase with W^X permissions, R_X86_64_RELATIVE relocations applied, a stack
    // with a guard page below it, and the argument text on top of the stack.
    public static unsafe class ProgramLoader
    {
        private const ulong StackAlignment = 16;

        public static LoadedProgram Load(ReadOnlySpan<byte> file, string argument)
        {
            ElfImage image = ElfImage.Parse(file);
            LoadedProgram program = image.Error != null ? new LoadedProgram { Error = image.Error } : Load(image, file, argument);
            KernelHeap.FreeObject(image.Segments);
            KernelHeap.FreeObject(image);
            return program;
        }

        private static LoadedProgram Load(ElfImage image, ReadOnlySpan<byte> file, string argument)
        {
            AddressSpace space = AddressSpace.CreateEmpty();
            // The kernel half as it is now: a top-level slot the kernel starts using later would
            // be missing here (the kernel makes its slots' tables at boot).
            space.ShareTopLevel(AddressSpace.Kernel, UserLayout.KernelIdentitySlot);
            for (int slot = UserLayout.FirstKernelHalfSlot; slot < UserLayout.TopLevelSlots; slot++)
                space.ShareTopLevel(AddressSpace.Kernel, slot);

            ulong argumentBytes = (ulong)argument.Length * sizeof(char);
            ulong stackPointer = (UserLayout.StackTop - argumentBytes) & ~(StackAlignment - 1);
            if (!MapSegments(space, image, file) || !MapZeroed(space, UserLayout.StackTop - UserLayout.StackSize, UserLayout.StackSize, PageFlags.UserData))
            {
                Destroy(space);
                return new LoadedProgram { Error = "out of memory" };
            }
            ApplyRelocations(space, image, file);
            fixed (char* chars = argument)
                CopyInto(space, stackPointer, new ReadOnlySpan<byte>(chars, (int)argumentBytes));

            return new LoadedProgram
            {
                Space = space,
                Entry = UserLayout.ImageBase + image.Entry,
                StackPointer = stackPointer,
                ArgumentAddress = stackPointer,
                ArgumentLength = argument.Length,
            };
        }

        public static void Destroy(AddressSpace space) => space.Destroy(UserLayout.FirstUserSlot, UserLayout.EndUserSlot);

        private static bool MapSegments(AddressSpace space, ElfImage image, ReadOnlySpan<byte> file)
        {
            for (int s = 0; s < image.SegmentCount; s++)
            {
                ElfSegment seg = image.Segments[s];
                PageFlags flags = seg.Executable ? PageFlags.UserCode : seg.Writable ? PageFlags.UserData : PageFlags.UserReadOnly;
                ulong start = PageSize.AlignDown(UserLayout.ImageBase + seg.VirtualAddress);
                ulong end = PageSize.AlignUp(UserLayout.ImageBase + seg.VirtualAddress + seg.MemorySize);
                if (!MapZeroed(space, start, end - start, flags)) return false;
                CopyInto(space, UserLayout.ImageBase + seg.VirtualAddress, file.Slice((int)seg.FileOffset, (int)seg.FileSize));
            }
            return true;
        }

        // Maps fresh zeroed frames over [start, start + length); false if memory ran out (the
        // frames mapped so far belong to the space and go with it).
        public static bool MapZeroed(AddressSpace space, ulong start, ulong length, PageFlags flags)
        {
            for (ulong page = start; page < start + length; page += PageSize.Small)
            {
                ulong frame = FrameAllocator.Allocate();
                if (frame == 0) return false;
                new Span<byte>((void*)frame, (int)PageSize.Small).Clear();
                space.Map(page, frame, flags);
            }
            return true;
        }

        private static void ApplyRelocations(AddressSpace space, ElfImage image, ReadOnlySpan<byte> file)
        {
            for (int i = 0; i < image.RelocationCount; i++)
            {
                ReadOnlySpan<byte> entry = file.Slice((int)image.RelocationsOffset + i * ElfImage.RelocationEntrySize, ElfImage.RelocationEntrySize);
                if ((uint)ElfFormat.U64(entry, 8) != ElfImage.RelocationRelative) continue;
                ulong value = UserLayout.ImageBase + ElfFormat.U64(entry, 16);
                CopyInto(space, UserLayout.ImageBase + ElfFormat.U64(entry, 0), new ReadOnlySpan<byte>(&value, sizeof(ulong)));
            }
        }

        // Writes bytes at a virtual address of a space that need not be the active one, through
        // the identity map of the frames behind it. The pages must be mapped.
        private static void CopyInto(AddressSpace space, ulong address, ReadOnlySpan<byte> bytes)
        {
            int done = 0;
            while (done < bytes.Length)
            {
                ulong virt = address + (ulong)done;
                int inPage = (int)(PageSize.Small - (virt & (PageSize.Small - 1)));
                int n = bytes.Length - done < inPage ? bytes.Length - done : inPage;
                ulong phys = space.Translate(virt);
                bytes.Slice(done, n).CopyTo(new Span<byte>((void*)phys, n));
                done += n;
            }
        }
    }
}
