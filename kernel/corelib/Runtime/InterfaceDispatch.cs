using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    // Resolves an interface call site (a dispatch cell) for an object to the implementing method.
    // Called by RhpInitialDynamicInterfaceDispatch in RuntimeStubs.asm on every such call: the
    // cells are never patched, which keeps images read-only and identical after load.
    internal static unsafe class InterfaceDispatch
    {
        private const nuint CellFlagMask = 3;
        private const nuint InterfaceRelativePointer = 3;
        private const uint HasDispatchMapFlag = 0x00040000;
        // Between the interface map and the dispatch map: TypeManager and writable-data pointers.
        private const int DispatchMapOffsetAfterInterfaceMap = 8;

        private struct Cell { public nuint Stub; public nuint Cache; }
        private struct DispatchMapHeader { public ushort StandardEntries, DefaultEntries, StandardStaticEntries, DefaultStaticEntries; }
        private struct DispatchMapEntry { public ushort InterfaceIndex, InterfaceSlot, ImplementationSlot; }

        [RuntimeExport("RhpCidResolve")]
        private static void* Resolve(object obj, Cell* cell)
        {
            if (obj == null) RuntimeFault.Raise(ExceptionKind.NullReference);
            Cell* terminator = cell;
            while (terminator->Stub != 0) terminator++;
            ushort slot = (ushort)terminator->Cache;
            if ((cell->Cache & CellFlagMask) != InterfaceRelativePointer) RuntimeFault.Raise(ExceptionKind.NotSupported);
            MethodTable* iface = (MethodTable*)((byte*)&cell->Cache + (int)(uint)(cell->Cache & ~CellFlagMask));

            for (MethodTable* type = obj.GetMethodTable(); type != null; type = type->BaseType)
            {
                void* target = FindInType(type, iface, slot);
                if (target != null) return target;
            }
            RuntimeFault.Raise(ExceptionKind.InvalidCast);
            return null;
        }

        private static void* FindInType(MethodTable* type, MethodTable* iface, ushort slot)
        {
            if ((type->Flags & HasDispatchMapFlag) == 0) return null;
            int index = -1;
            MethodTable** map = type->InterfaceMap;
            for (int i = 0; i < type->NumInterfaces; i++)
                if (map[i] == iface) { index = i; break; }
            if (index < 0) return null;

            byte* relative = (byte*)(map + type->NumInterfaces) + DispatchMapOffsetAfterInterfaceMap;
            DispatchMapHeader* header = (DispatchMapHeader*)(relative + *(int*)relative);
            DispatchMapEntry* entries = (DispatchMapEntry*)(header + 1);
            for (int i = 0; i < header->StandardEntries; i++)
            {
                if (entries[i].InterfaceIndex != index || entries[i].InterfaceSlot != slot) continue;
                ushort impl = entries[i].ImplementationSlot;
                if (impl < type->NumVtableSlots) return type->Vtable[impl];
                RuntimeFault.Raise(ExceptionKind.NotSupported);
            }
            return null;
        }
    }
}
