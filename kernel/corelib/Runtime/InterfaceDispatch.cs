using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System.Runtime
{
    // Resolves an interface call site (a dispatch cell) for an object to the implementing method.
    // Called by RhpInitialDynamicInterfaceDispatch in RuntimeStubs.asm on every such call: the
    // cells are never patched, which keeps images read-only and identical after load.
    //
    // Resolution follows NativeAOT's rules: walk from the object's type to its bases looking for
    // an implementation in each type's dispatch map; only if none is found, walk again for a
    // default interface method. A vtable slot is read from the object's own type (a derived
    // class may have overridden it); a sealed slot from the type whose map named it.
    internal static unsafe class InterfaceDispatch
    {
        private const nuint CellFlagMask = 3;
        private const nuint InterfaceRelativePointer = 3;
        // Implementation slots with a special meaning in a dispatch map.
        private const ushort ReabstractedSlot = 0xFFFF;
        private const ushort DiamondSlot = 0xFFFE;

        private struct Cell { public nuint Stub; public nuint Cache; }

        [RuntimeExport("RhpCidResolve")]
        private static void* Resolve(object obj, Cell* cell)
        {
            if (obj == null) RuntimeFault.Raise(ExceptionKind.NullReference);
            Cell* terminator = cell;
            while (terminator->Stub != 0) terminator++;
            ushort slot = (ushort)terminator->Cache;
            if ((cell->Cache & CellFlagMask) != InterfaceRelativePointer) RuntimeFault.Raise(ExceptionKind.NotSupported);
            MethodTable* iface = (MethodTable*)((byte*)&cell->Cache + (int)(uint)(cell->Cache & ~CellFlagMask));

            void* target = FindImplementation(obj.GetMethodTable(), iface, slot);
            if (target == null) RuntimeFault.Raise(ExceptionKind.InvalidCast);
            return target;
        }

        // The code implementing slot `slot` of `iface` for objects of type `type`, or null.
        internal static void* FindImplementation(MethodTable* type, MethodTable* iface, ushort slot)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                bool defaults = pass == 1;
                for (MethodTable* current = type; current != null; current = current->BaseType)
                {
                    if (!FindSlot(current, iface, slot, defaults, out ushort impl)) continue;
                    if (impl == ReabstractedSlot) RuntimeFault.Raise(ExceptionKind.EntryPointNotFound);
                    if (impl == DiamondSlot) RuntimeFault.Raise(ExceptionKind.AmbiguousImplementation);
                    if (impl < current->NumVtableSlots) return type->Vtable[impl];
                    return current->SealedVirtualSlot(impl - current->NumVtableSlots);
                }
            }
            return null;
        }

        private static bool FindSlot(MethodTable* type, MethodTable* iface, ushort slot, bool defaults, out ushort impl)
        {
            impl = 0;
            DispatchMap* map = type->DispatchMap;
            if (map == null) return false;
            DispatchMap.Entry* entries = defaults ? map->Default : map->Standard;
            int count = defaults ? map->DefaultEntries : map->StandardEntries;
            MethodTable** interfaces = type->InterfaceMap;
            for (int i = 0; i < count; i++)
            {
                if (entries[i].InterfaceSlot != slot || interfaces[entries[i].InterfaceIndex] != iface) continue;
                impl = entries[i].ImplementationSlot;
                return true;
            }
            return false;
        }
    }
}
