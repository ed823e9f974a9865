#!/usr/bin/env python3
"""Writes a CSV roster of N people for the demo company's departments (deterministic): gen-roster.py N FILE."""
import csv, random, sys

n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
departments = ["R&D", "Frame Shop", "Assembly", "Logistics", "Customer Service", "Field Service", "Sales & Marketing", "HR", "IT"]
locations = ["Gdańsk Works", "Lyon Office", "Leeds Service Hub"]
roles = {"R&D": "Design engineer", "Frame Shop": "Welder", "Assembly": "Assembler", "Logistics": "Dispatcher",
         "Customer Service": "Service agent", "Field Service": "Field technician", "Sales & Marketing": "Account manager",
         "HR": "HR partner", "IT": "IT specialist"}
first = ["Anna", "Łukasz", "Zoë", "Omar", "Grace", "Piotr", "Léa", "Karim", "Oliver", "Maria"]
last = ["Nowak", "Wiśniewski", "Lefèvre", "Haddad", "Taylor", "Kowalski", "Moreau", "Saleh", "Walker", "Zielińska"]
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Name", "Email", "Employee number", "Department", "Location", "Job role", "Manager email", "Hire date", "Language", "Frontline"])
    leads = {}
    for i in range(n):
        d = departments[i % len(departments)]
        email = f"bench.{i}@bench.example"
        manager = leads.get(d, "")
        if d not in leads:
            leads[d] = email
        w.writerow([f"{rng.choice(first)} {rng.choice(last)}", email, f"B{i:06d}", d, rng.choice(locations), roles[d], manager,
                    f"{rng.randint(2005, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", rng.choice(["en", "pl", "ar"]),
                    rng.choice(["true", "false"])])
