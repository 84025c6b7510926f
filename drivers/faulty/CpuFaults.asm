; Faults C# cannot express, for the faulty test extension.
bits 64
section .text
global faulty_invalid_opcode, faulty_spin_interrupts_on, faulty_spin_interrupts_off

faulty_invalid_opcode:
    ud2

faulty_spin_interrupts_on:
    sti
.spin:
    pause
    jmp .spin

faulty_spin_interrupts_off:
    cli
.spin:
    pause
    jmp .spin
