namespace PeerLink.Grains.Identities;

/// <summary>The list a new deployment starts with. Admins edit it from there.</summary>
public static class DefaultIdentities
{
    public static IReadOnlyList<Identity> All { get; } =
    [
        new("veteran", "Veteran", "veterans", "Served in the armed forces.", ["first-responder"]),
        new("new-parent", "New parent", "new parents", "Became a parent in the last few years.", ["carer", "single-parent"]),
        new("single-parent", "Single parent", "single parents", "Raising children on their own.", ["new-parent", "carer"]),
        new("remote-worker", "Remote or lone worker", "remote or lone workers", "Works alone or away from colleagues.", ["rural"]),
        new("first-responder", "First responder", "first responders", "Paramedic, firefighter, police or rescue.", ["veteran", "healthcare-worker"]),
        new("healthcare-worker", "Healthcare worker", "healthcare workers", "Works in hospitals, clinics or care homes.", ["first-responder", "social-worker"]),
        new("social-worker", "Social worker", "social workers", "Supports people through social services.", ["healthcare-worker", "carer"]),
        new("carer", "Carer", "carers", "Looks after a family member or friend.", ["new-parent", "social-worker"]),
        new("bereaved", "Bereaved", "people who have lost someone", "Lost someone close.", ["carer"]),
        new("lgbtq", "LGBTQ+", "LGBTQ+ people", "Lesbian, gay, bisexual, trans, queer or questioning.", []),
        new("student", "Student", "students", "At school, college or university.", ["newcomer"]),
        new("newcomer", "Newcomer to a country", "newcomers to a country", "Moved to a new country.", ["student"]),
        new("rural", "Living rurally", "people living rurally", "Lives far from towns and services.", ["remote-worker"]),
        new("chronic-illness", "Living with chronic illness", "people living with chronic illness", "Lives with a long-term condition.", ["disabled", "carer"]),
        new("disabled", "Disabled", "disabled people", "Lives with a disability.", ["chronic-illness"]),
        new("older-adult", "Older adult", "older adults", "Aged 65 or over.", ["bereaved", "rural"]),
    ];
}
